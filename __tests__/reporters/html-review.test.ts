// The review page against a fixed result: the summary, the file list and its counts, the
// side-by-side pairing of removed and added lines, escaping, why each file changes, the items
// grouped by kind and reason, and skipped files.
// That it renders in a real browser is __tests__/browser/review-page.test.ts.
import { renderReviewPage } from '../../src/reporters/html-review';
import { sideBySide as layOut } from '../../src/reporters/side-by-side';
import { readPatch } from '../../src/result/file-diff';
import type { FileResult, RunResult } from '../../src/result/types';
import { makeFinding } from '../helpers/result-fixtures';

const finding = makeFinding;

// Two removed lines against one added line, then a second hunk; code full of `<`, `&` and quotes.
const PATCH_A = [
  'diff --git a/src/a.ts b/src/a.ts',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -1,5 +1,4 @@',
  " import { x } from './x';",
  "-import { WebSocketManager } from './websocket_manager';",
  "-import type { Legacy } from './legacy<&>';",
  "+import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';",
  ' const a = b < c && d > e;',
  ' const s = "</script><script>alert(1)</script>";',
  '@@ -20,2 +19,3 @@ class Holder {',
  ' one();',
  '+two();',
  ' three();',
  '',
].join('\n');

// A CRLF file whose last line had no newline at its end.
const PATCH_CRLF = [
  'diff --git a/src/crlf.ts b/src/crlf.ts',
  '--- a/src/crlf.ts',
  '+++ b/src/crlf.ts',
  '@@ -1,2 +1,2 @@',
  " import { A } from './websocket_manager';\r",
  "-export { A } from './websocket_manager';",
  '\\ No newline at end of file',
  "+export { A } from './unified_manager';",
  '\\ No newline at end of file',
  '',
].join('\n');

const PATCH_DELETED = [
  'diff --git a/src/facade.ts b/src/facade.ts',
  'deleted file mode 100644',
  '--- a/src/facade.ts',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  "-export * from './unified_manager';",
  '-// gone',
  '',
].join('\n');

const changedA: FileResult = {
  file: 'src/a.ts',
  status: 'changed',
  findingsBefore: [finding({ line: 2 }), finding({ line: 3 }), finding({ kind: 'dual-import', line: 3, fixable: false, reason: 'kept' }), finding({ phase: 'facades', kind: 'facade' })],
  findingsAfter: [finding({ kind: 'no-counterpart', line: 2, fixable: false, reason: '"getWebSocketManager" has no <canonical> counterpart & stays' })],
  mentions: [],
  patch: PATCH_A,
};

const result: RunResult = {
  command: 'run',
  phases: ['imports'],
  repo: '/repo/with "quotes" & <angles>',
  filesScanned: 6,
  filesParsed: 5,
  files: [
    changedA,
    { file: 'src/crlf.ts', status: 'changed', findingsBefore: [finding({ file: 'src/crlf.ts', line: 2 })], findingsAfter: [], mentions: [], patch: PATCH_CRLF },
    {
      file: 'src/facade.ts',
      status: 'deleted',
      findingsBefore: [],
      findingsAfter: [],
      mentions: [],
      patch: PATCH_DELETED,
      deletion: { reason: 're-export of <UnifiedWebSocketManager>', line: 1, evidence: "export * from './unified_manager';" },
    },
    {
      file: 'src/b.ts',
      status: 'unchanged',
      findingsBefore: [finding({ file: 'src/b.ts', kind: 'no-counterpart', fixable: false, line: 7, column: 3, reason: 'no counterpart for "getManager"' })],
      findingsAfter: [finding({ file: 'src/b.ts', kind: 'no-counterpart', fixable: false, line: 7, column: 3, reason: 'no counterpart for "getManager"' })],
      mentions: [],
    },
    { file: 'src/c.ts', status: 'skipped', findingsBefore: [], findingsAfter: [], mentions: [], error: 'src/c.ts:2:5: cannot be parsed (Unexpected token `<`); skipped' },
    { file: 'src/quiet.ts', status: 'unchanged', findingsBefore: [], findingsAfter: [], mentions: [] },
  ],
};

// --- a few readers for the page; the page is ours, so regular expressions are enough ---

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  if (from === -1) throw new Error(`not in the page: ${start}`);
  const to = html.indexOf(end, from);
  return html.slice(from, to === -1 ? undefined : to + end.length);
}

function sectionOf(html: string, file: string): string {
  return between(html, `<section class="file" id="file-${file}"`, '</section>');
}

interface Cell {
  classes: string[];
  text: string;
}

/** The rows of a diff table: each row's class and its four cells (number and code, before then after). */
function diffRows(section: string): Array<{ kind: string; cells: Cell[] }> {
  return [...section.matchAll(/<tr class="(context|change|hunk)">([\s\S]*?)<\/tr>/g)].map((row) => ({
    kind: row[1]!,
    cells: [...row[2]!.matchAll(/<td(?: class="([^"]*)")?(?: colspan="\d+")?>([\s\S]*?)<\/td>/g)].map((cell) => ({ classes: (cell[1] ?? '').split(' '), text: decode(cell[2]!) })),
  }));
}

const sideBySide = (cells: Cell[]): string[] => cells.map((cell) => cell.text);

describe('review page', () => {
  const html = renderReviewPage(result, 'imports');

  it('is one self-contained page: no external URL, one inline script, a CSP that loads nothing else', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(?:https?:)?\/\/[a-z]/i);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script\s+src/i);
    // No per-line script: no handler attributes anywhere.
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('heads with the phase and the summary: files changed, violations before → after, manual items', () => {
    const fact = (key: string): string => decode(between(html, `<div data-fact="${key}">`, '</div>'));
    expect(fact('phase')).toBe('phaseimports');
    expect(fact('files-changed')).toBe('files changed3 (1 deleted)');
    // Before: 3 fixable + dual-import + b.ts's manual item (the facades finding is another phase's).
    expect(fact('violations')).toBe('violations5 → 2');
    expect(fact('manual')).toBe('manual items2');
    expect(fact('skipped')).toBe('skipped or failed files1');
    expect(decode(between(html, '<title>', '</title>'))).toBe('ssot-migrate run imports: review');
    expect(renderReviewPage(result, 'imports', { title: 'Sprint <3> review' })).toContain('<title>Sprint &lt;3&gt; review</title>');
  });

  it('lists every changed or deleted file once, in result order, with its counts and a link to its section', () => {
    const list = between(html, '<table class="file-list">', '</table>');
    const rows = [
      ...list.matchAll(
        /<tr data-file="([^"]*)"><td><a href="#([^"]*)">[^<]*<\/a><\/td><td><span class="status status-(\w+)">\w+<\/span><\/td><td class="n" data-count="fixable">(\d+)<\/td><td class="n" data-count="manual">(\d+)<\/td><td class="n">([\s\S]*?)<\/td><\/tr>/g,
      ),
    ];
    expect(rows.map((row) => [row[1], row[3], Number(row[4]), Number(row[5]), decode(row[6]!)])).toEqual([
      ['src/a.ts', 'changed', 2, 1, '+2 −2'],
      ['src/crlf.ts', 'changed', 1, 0, '+1 −1'],
      ['src/facade.ts', 'deleted', 0, 0, '+0 −2'],
    ]);
    for (const row of rows) expect(html).toContain(`<section class="file" id="${row[2]}" data-file="${row[1]}">`);
    expect(list).not.toContain('src/b.ts');
    expect(list).not.toContain('src/quiet.ts');
  });

  it('pairs the n-th removed line with the n-th added line; context on both sides; hunk headers as rows', () => {
    const rows = diffRows(sectionOf(html, 'src/a.ts'));
    expect(rows.map((row) => (row.kind === 'hunk' ? row.cells[0]!.text : sideBySide(row.cells)))).toEqual([
      '@@ -1,5 +1,4 @@',
      ['1', "import { x } from './x';", '1', "import { x } from './x';"],
      ['2', "import { WebSocketManager } from './websocket_manager';", '2', "import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';"],
      ['3', "import type { Legacy } from './legacy<&>';", '', ''],
      ['4', 'const a = b < c && d > e;', '3', 'const a = b < c && d > e;'],
      ['5', 'const s = "</script><script>alert(1)</script>";', '4', 'const s = "</script><script>alert(1)</script>";'],
      // The header as git writes it from the hunk's ranges (a function name after it is not kept).
      '@@ -20,2 +19,3 @@',
      ['20', 'one();', '19', 'one();'],
      ['', '', '20', 'two();'],
      ['21', 'three();', '21', 'three();'],
    ]);
    const [, removedNumber, removedCode, addedNumber, addedCode] = [undefined, ...rows[2]!.cells];
    expect(removedNumber!.classes).toContain('removed');
    expect(removedCode!.classes).toContain('removed');
    expect(addedNumber!.classes).toContain('added');
    expect(addedCode!.classes).toContain('added');
    expect(rows[3]!.cells[2]!.classes).toContain('empty');
    expect(rows[1]!.cells[1]!.classes).toContain('context');
  });

  it('marks the changed part of a paired line, between the common prefix and suffix', () => {
    const section = sectionOf(html, 'src/a.ts');
    expect(section).toContain('import { <mark>WebSocketManager } from &#39;./websocket</mark>_manager&#39;;');
    expect(section).toContain('import { <mark>UnifiedWebSocketManager as WebSocketManager } from &#39;./unified</mark>_manager&#39;;');
  });

  it('never splits a surrogate pair when marking', () => {
    // The two emoji share their high surrogate: a mark after it would cut each pair in two.
    const patch = ['--- a/e.ts', '+++ b/e.ts', '@@ -1 +1 @@', "-'\u{1F600}x\u{1F601}'", "+'\u{1F603}x\u{1F602}'", ''].join('\n');
    const page = renderReviewPage({ ...result, files: [{ ...changedA, file: 'e.ts', patch }] }, 'imports');
    expect(page).toContain('<td class="code removed">&#39;<mark>\u{1F600}x\u{1F601}</mark>&#39;</td>');
    expect(page).toContain('<td class="code added">&#39;<mark>\u{1F603}x\u{1F602}</mark>&#39;</td>');
  });

  it('escapes code, paths, reasons and the repo so that nothing in them becomes markup', () => {
    const section = sectionOf(html, 'src/a.ts');
    expect(section).toContain('const s = &quot;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;;');
    expect(section).toContain('const a = b &lt; c &amp;&amp; d &gt; e;');
    expect(section).toContain('./legacy&lt;&amp;&gt;');
    expect(html).toContain('with &quot;quotes&quot; &amp; &lt;angles&gt;');
    expect(html).toContain('has no &lt;canonical&gt; counterpart &amp; stays');
    expect(html).toContain('(Unexpected token `&lt;`)');
  });

  it('keeps odd paths in valid ids and quoted attributes', () => {
    const odd: RunResult = { ...result, files: [{ ...changedA, file: 'src/we"ird <name> & co.ts', patch: PATCH_A.replace(/src\/a\.ts/g, 'src/we"ird <name> & co.ts') }] };
    const page = renderReviewPage(odd, 'imports');
    expect(page).toContain('<a href="#file-src/we~22~ird~20~~3c~name~3e~~20~~26~~20~co.ts">src/we&quot;ird &lt;name&gt; &amp; co.ts</a>');
    expect(page).toContain('<section class="file" id="file-src/we~22~ird~20~~3c~name~3e~~20~~26~~20~co.ts" data-file="src/we&quot;ird &lt;name&gt; &amp; co.ts">');
  });

  it('shows CRLF endings and a missing final newline as marks, not as stray characters', () => {
    const rows = diffRows(sectionOf(html, 'src/crlf.ts'));
    expect(rows[1]!.cells[1]!.text).toBe("import { A } from './websocket_manager';␍");
    expect(rows[2]!.cells.map((cell) => cell.text)).toEqual(['2', "export { A } from './websocket_manager';⏎̸", '2', "export { A } from './unified_manager';⏎̸"]);
    expect(sectionOf(html, 'src/crlf.ts')).not.toContain('\r');
  });

  it('shows a deleted file on the left only', () => {
    const rows = diffRows(sectionOf(html, 'src/facade.ts'));
    expect(rows.map((row) => (row.kind === 'hunk' ? row.cells[0]!.text : sideBySide(row.cells)))).toEqual([
      '@@ -1,2 +0,0 @@',
      ['1', "export * from './unified_manager';", '', ''],
      ['2', '// gone', '', ''],
    ]);
  });

  it('says why each file changes: a deletion with its reason and evidence line, each fix with its message', () => {
    const deleted = sectionOf(html, 'src/facade.ts');
    expect(decode(between(deleted, '<p class="why deletion">', '</p>'))).toBe("Deleted: re-export of <UnifiedWebSocketManager> line 1: export * from './unified_manager';");
    const fixes = between(sectionOf(html, 'src/a.ts'), '<ul class="why fixes">', '</ul>');
    expect([...fixes.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => decode(item[1]!))).toEqual([
      '2:1 legacy-import WebSocketManager from legacy module src/websocket_manager.ts',
      '3:1 legacy-import WebSocketManager from legacy module src/websocket_manager.ts',
    ]);
  });

  it('groups the items by kind and reason with counts, manual first, each location linking to its diff', () => {
    const items = between(html, '<section id="items">', '</section>');
    expect(decode(between(items, '<h2>', '</h2>'))).toBe('Items (5: 3 fixable, 2 manual)');
    const groups = [
      ...items.matchAll(
        /<div class="group" data-phase="(\w+)" data-kind="([\w-]+)" data-fixable="(\w+)">\n<h3>[\s\S]*?<span class="count">(\d+)<\/span><\/h3>([\s\S]*?)\n<\/div>\n(?=<div class="group"|<p)/g,
      ),
    ];
    expect(groups.map((group) => [group[1], group[2], group[3], Number(group[4])])).toEqual([
      ['imports', 'no-counterpart', 'false', 2],
      ['imports', 'legacy-import', 'true', 3],
    ]);
    const reasons = (body: string): Array<[number, string]> =>
      [...body.matchAll(/<p class="reason"><span class="count">(\d+)<\/span> ([\s\S]*?)<\/p>/g)].map((match) => [Number(match[1]), decode(match[2]!)]);
    expect(reasons(groups[0]![5]!)).toEqual([
      [1, '"getWebSocketManager" has no <canonical> counterpart & stays'],
      [1, 'no counterpart for "getManager"'],
    ]);
    expect(reasons(groups[1]![5]!)).toEqual([[3, 'WebSocketManager from legacy module src/websocket_manager.ts']]);
    // A file with a diff is linked; one the run leaves alone has no section to link to.
    expect(groups[0]![5]).toContain('<a href="#file-src/a.ts">src/a.ts:2:1</a>');
    expect(groups[0]![5]).toContain('<code>src/b.ts:7:3</code>');
    expect(groups[1]![5]).toContain('<a href="#file-src/crlf.ts">src/crlf.ts:2:1</a>');
  });

  it('offers filters by phase, kind, fixable and manual over the groups', () => {
    const filters = between(html, '<p class="tools filters">', '</p>');
    const options = (id: string): string[] => [...between(filters, `<select id="${id}">`, '</select>').matchAll(/<option value="([^"]*)">/g)].map((match) => match[1]!);
    expect(options('filter-phase')).toEqual(['', 'imports']);
    expect(options('filter-kind')).toEqual(['', 'legacy-import', 'no-counterpart']);
    expect(decode(filters)).toContain('fixable (3)');
    expect(decode(filters)).toContain('manual (2)');
  });

  it('never shows the absolute repo path, only its folder name', () => {
    expect(html).not.toContain('/repo/with');
    const page = renderReviewPage({ ...result, repo: '/home/someone/work/service' }, 'imports');
    expect(page).not.toContain('/home/someone');
    expect(decode(between(page, '<p class="repo">', '</p>'))).toBe('in service');
  });

  it("follows the reader's colour scheme, light and dark", () => {
    expect(html).toContain('color-scheme: light dark;');
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:root \{[^}]*--background: #/);
  });

  it('lists skipped and failed files with their messages', () => {
    const skipped = between(html, '<ul class="skipped">', '</ul>');
    expect(decode(skipped).trim()).toBe('skipped src/c.ts: src/c.ts:2:5: cannot be parsed (Unexpected token `<`); skipped');
  });

  it('says so when there is nothing to show', () => {
    const empty: RunResult = { ...result, files: [result.files[5]!] };
    const page = renderReviewPage(empty, 'imports');
    expect(page).toContain('No file would change.');
    expect(page).toContain('Nothing is left for a human.');
    expect(page).toContain('Every file in scope was read.');
    expect(page).not.toContain('<div class="group"');
    expect(page).not.toContain('<section class="file"');
  });

  it('is deterministic', () => {
    expect(renderReviewPage(structuredClone(result), 'imports')).toBe(html);
  });

  it('stays light for hundreds of files: static rows, linear size', () => {
    const files: FileResult[] = Array.from({ length: 600 }, (_, index) => {
      const file = `src/module_${String(index).padStart(3, '0')}.ts`;
      const body = Array.from({ length: 30 }, (__, line) => (line % 3 === 0 ? `-old ${line} <x>\n+new ${line} <y>\n` : ` same ${line}\n`)).join('');
      return {
        file,
        status: 'changed',
        findingsBefore: [finding({ file })],
        findingsAfter: [],
        mentions: [],
        patch: `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1,30 +1,30 @@\n${body}`,
      };
    });
    const page = renderReviewPage({ ...result, files }, 'imports');
    expect(page.match(/<section class="file"/g)).toHaveLength(600);
    expect(page.match(/<tr class="change">/g)).toHaveLength(6000);
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page.length).toBeLessThan(600 * 8000);
  });
});

describe('side-by-side rows of a read patch', () => {
  const rowsOf = (patch: string): ReturnType<typeof layOut> => layOut(readPatch(patch)[0]!.hunks[0]!);

  it('reads paths, hunks and line numbers, and pairs changes in order', () => {
    const [diff] = readPatch(PATCH_A);
    expect(diff!.oldPath).toBe('src/a.ts');
    expect(diff!.newPath).toBe('src/a.ts');
    expect(diff!.hunks.map((hunk) => [hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines])).toEqual([
      [1, 5, 1, 4],
      [20, 2, 19, 3],
    ]);
    expect(layOut(diff!.hunks[0]!).map((row) => [row.kind, row.old?.number, row.new?.number])).toEqual([
      ['context', 1, 1],
      ['change', 2, 2],
      ['change', 3, undefined],
      ['context', 4, 3],
      ['context', 5, 4],
    ]);
  });

  it('pairs interleaved runs by position: more added than removed leaves added lines alone', () => {
    const patch = ['--- a/f.ts', '+++ b/f.ts', '@@ -1,2 +1,4 @@', '-a', '-b', '+A', '+B', '+C', '+D', ''].join('\n');
    expect(rowsOf(patch).map((row) => [row.old?.text, row.new?.text])).toEqual([
      ['a', 'A'],
      ['b', 'B'],
      [undefined, 'C'],
      [undefined, 'D'],
    ]);
  });

  it('reads a body line that looks like a header as a line of the file, by the header counts', () => {
    const patch = ['diff --git a/f.ts b/f.ts', '--- a/f.ts', '+++ b/f.ts', '@@ -1,2 +1,2 @@', '--- not a header', '+++ not either', ' @@ -9 +9 @@ context', ''].join('\n');
    expect(readPatch(patch)[0]!.hunks).toHaveLength(1);
    expect(rowsOf(patch).map((row) => [row.kind, row.old?.text, row.new?.text])).toEqual([
      ['change', '-- not a header', '++ not either'],
      ['context', '@@ -9 +9 @@ context', '@@ -9 +9 @@ context'],
    ]);
  });

  it('numbers the lines after an empty side from the line it follows', () => {
    const patch = ['--- a/f.ts', '+++ b/f.ts', '@@ -3,0 +4,2 @@', '+x', '+y', ''].join('\n');
    expect(rowsOf(patch).map((row) => [row.old, row.new?.number])).toEqual([
      [undefined, 4],
      [undefined, 5],
    ]);
  });

  it('reads several files of one patch, created and deleted ones included', () => {
    const created = ['diff --git a/n.ts b/n.ts', 'new file mode 100644', '--- /dev/null', '+++ b/n.ts', '@@ -0,0 +1 @@', '+n', ''].join('\n');
    const diffs = readPatch(PATCH_DELETED + created);
    expect(diffs.map((diff) => [diff.oldPath, diff.newPath, diff.hunks.length])).toEqual([
      ['src/facade.ts', undefined, 1],
      [undefined, 'n.ts', 1],
    ]);
    expect(layOut(diffs[1]!.hunks[0]!)[0]!.new).toEqual({ number: 1, text: 'n', carriageReturn: false, noNewlineAtEnd: false });
  });
});

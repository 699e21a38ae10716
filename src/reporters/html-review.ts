// The review page of `run <phase> --html FILE`: one self-contained HTML file with the summary,
// a file list with counts, every file's diff side by side and the manual items. It loads
// nothing (inline CSS, a few lines of inline JS, and a CSP that forbids any other source), so it
// opens from file:// on a machine without network, and stays light for hundreds of files:
// static rows only, no script per line, sections the browser lays out only when scrolled to.
import type { FileResult, Finding, PhaseId, RunResult } from '../result/types.js';
import { allFindings, countByPhase, filesWithStatus, sortFindings } from '../result/counts.js';
import { parseUnifiedDiff, type DiffHunk, type NumberedLine, type SideBySideRow } from './unified-diff.js';

export interface ReviewPageOptions {
  /** The page's title and heading; by default `ssot-migrate run <phase>: review`. */
  title?: string;
}

/** Names the tool in every review page: tells a page ssot-migrate wrote (which it may write over) from anyone else's. */
export const REVIEW_PAGE_GENERATOR = '<meta name="generator" content="ssot-migrate">';

export function renderReviewPage(result: RunResult, phase: PhaseId, options: ReviewPageOptions = {}): string {
  const title = options.title ?? `ssot-migrate run ${phase}: review`;
  const changed = filesWithStatus(result, 'changed', 'deleted');
  const anchors = anchorsFor(changed);
  const body = [
    renderHeader(result, phase, title, changed),
    renderFileList(changed, phase, anchors),
    ...changed.map((file) => renderFileSection(file, phase, anchors.get(file.file)!)),
    renderManualItems(result, phase, anchors),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    REVIEW_PAGE_GENERATOR,
    // Nothing but this file's own style and script may load: no fonts, images, frames or fetches.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Text made safe for element content and for double- or single-quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function renderHeader(result: RunResult, phase: PhaseId, title: string, changed: FileResult[]): string {
  const before = countByPhase(allFindings(result, 'before'), phase);
  const after = countByPhase(allFindings(result, 'after'), phase);
  const skipped = filesWithStatus(result, 'skipped', 'error');
  const deleted = changed.filter((file) => file.status === 'deleted').length;
  const facts: Array<[string, string, string]> = [
    ['phase', 'phase', phase],
    ['files-changed', 'files changed', `${changed.length}${deleted > 0 ? ` (${deleted} deleted)` : ''}`],
    ['violations', 'violations', `${before.total} → ${after.total}`],
    ['manual', 'manual items', String(after.manual)],
    ['skipped', 'skipped or failed files', String(skipped.length)],
    ['scanned', 'files in scope', `${result.filesScanned} (${result.filesParsed} parsed)`],
  ];
  return [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="repo">${escapeHtml(result.repo)}</p>`,
    '<dl class="summary">',
    ...facts.map(([key, label, value]) => `<div data-fact="${key}"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`),
    '</dl>',
    `<p class="hint">A dry run: nothing has been written. <code>ssot-migrate run ${escapeHtml(phase)} --write</code> applies exactly these changes.</p>`,
    '</header>',
  ].join('\n');
}

function renderFileList(changed: FileResult[], phase: PhaseId, anchors: Map<string, string>): string {
  const lines = [
    '<nav id="files" aria-label="Changed files">',
    `<h2>Changed files (${changed.length})</h2>`,
  ];
  if (changed.length === 0) {
    lines.push('<p class="empty">No file would change.</p>', '</nav>');
    return lines.join('\n');
  }
  lines.push(
    '<p class="tools"><input type="search" id="file-filter" placeholder="Filter files" aria-label="Filter files"> <button type="button" data-toggle="open">Expand all</button> <button type="button" data-toggle="close">Collapse all</button></p>',
    '<table class="file-list">',
    '<thead><tr><th>file</th><th>status</th><th class="n">fixable before</th><th class="n">manual after</th><th class="n">lines</th></tr></thead>',
    '<tbody>',
  );
  for (const file of changed) {
    const counts = fileCounts(file, phase);
    const lineCounts = changedLineCounts(file);
    lines.push(
      `<tr data-file="${escapeHtml(file.file)}">` +
        `<td><a href="#${anchors.get(file.file)!}">${escapeHtml(file.file)}</a></td>` +
        `<td><span class="status status-${file.status}">${file.status}</span></td>` +
        `<td class="n" data-count="fixable">${counts.fixableBefore}</td>` +
        `<td class="n" data-count="manual">${counts.manualAfter}</td>` +
        `<td class="n"><span class="added-count">+${lineCounts.added}</span> <span class="removed-count">−${lineCounts.removed}</span></td>` +
        '</tr>',
    );
  }
  lines.push('</tbody>', '</table>', '</nav>');
  return lines.join('\n');
}

function fileCounts(file: FileResult, phase: PhaseId): { fixableBefore: number; manualAfter: number } {
  return {
    fixableBefore: file.findingsBefore.filter((finding) => finding.phase === phase && finding.fixable).length,
    manualAfter: file.findingsAfter.filter((finding) => finding.phase === phase && !finding.fixable).length,
  };
}

function changedLineCounts(file: FileResult): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const row of rowsOf(file).flatMap((hunk) => hunk.rows)) {
    if (row.kind !== 'change') continue;
    if (row.old) removed++;
    if (row.new) added++;
  }
  return { added, removed };
}

// Parsing is cheap, but the list and the section both need it: parse each patch once.
const parsedPatches = new WeakMap<FileResult, DiffHunk[]>();

function rowsOf(file: FileResult): DiffHunk[] {
  let hunks = parsedPatches.get(file);
  if (!hunks) {
    hunks = file.patch ? parseUnifiedDiff(file.patch).flatMap((diff) => diff.hunks) : [];
    parsedPatches.set(file, hunks);
  }
  return hunks;
}

function renderFileSection(file: FileResult, phase: PhaseId, anchor: string): string {
  const counts = fileCounts(file, phase);
  const hunks = rowsOf(file);
  const lines = [
    `<section class="file" id="${anchor}" data-file="${escapeHtml(file.file)}">`,
    '<details open>',
    `<summary><span class="path">${escapeHtml(file.file)}</span> <span class="status status-${file.status}">${file.status}</span>` +
      ` <span class="counts">${counts.fixableBefore} fixable before, ${counts.manualAfter} manual after</span> <a class="top" href="#files">files ↑</a></summary>`,
  ];
  if (hunks.length === 0) {
    lines.push('<p class="empty">No line-level changes to show.</p>');
  } else {
    lines.push(
      '<table class="diff">',
      '<colgroup><col class="num"><col class="code"><col class="num"><col class="code"></colgroup>',
      '<thead><tr><th colspan="2">before</th><th colspan="2">after</th></tr></thead>',
    );
    for (const hunk of hunks) {
      lines.push('<tbody>', `<tr class="hunk"><td colspan="4">${escapeHtml(hunk.header)}</td></tr>`);
      for (const row of hunk.rows) lines.push(renderRow(row));
      lines.push('</tbody>');
    }
    lines.push('</table>');
  }
  lines.push('</details>', '</section>');
  return lines.join('\n');
}

function renderRow(row: SideBySideRow): string {
  if (row.kind === 'context') {
    return `<tr class="context">${cells(row.old, 'context', undefined)}${cells(row.new, 'context', undefined)}</tr>`;
  }
  const highlight = row.old && row.new ? changedSpan(row.old.text, row.new.text) : undefined;
  return `<tr class="change">${cells(row.old, 'removed', highlight?.old)}${cells(row.new, 'added', highlight?.new)}</tr>`;
}

type Span = { start: number; end: number };

function cells(line: NumberedLine | undefined, kind: 'context' | 'removed' | 'added', highlight: Span | undefined): string {
  if (!line) return '<td class="num empty"></td><td class="code empty"></td>';
  let code: string;
  if (highlight && highlight.start < highlight.end) {
    const { text } = line;
    code = `${escapeHtml(text.slice(0, highlight.start))}<mark>${escapeHtml(text.slice(highlight.start, highlight.end))}</mark>${escapeHtml(text.slice(highlight.end))}`;
  } else {
    code = escapeHtml(line.text);
  }
  const notes = [line.carriageReturn ? '<span class="eol" title="CRLF line ending">␍</span>' : '', line.noNewlineAtEnd ? '<span class="eol" title="No newline at end of file">⏎̸</span>' : ''].join('');
  return `<td class="num ${kind}">${line.number}</td><td class="code ${kind}">${code}${notes}</td>`;
}

/**
 * The part of a paired line that changed: what lies between the longest common prefix and the
 * longest common suffix. A word diff would find more, but a single span is what an import edit
 * needs and costs nothing on long lines.
 */
function changedSpan(before: string, after: string): { old: Span; new: Span } | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never cut a surrogate pair in two: the halves would not survive as UTF-8.
  if (prefix > 0 && (isLowSurrogate(before.charCodeAt(prefix)) || isLowSurrogate(after.charCodeAt(prefix)))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { old: { start: prefix, end: before.length - suffix }, new: { start: prefix, end: after.length - suffix } };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function renderManualItems(result: RunResult, phase: PhaseId, anchors: Map<string, string>): string {
  const manual = sortFindings(allFindings(result, 'after').filter((finding) => finding.phase === phase && !finding.fixable));
  const skipped = filesWithStatus(result, 'skipped', 'error');
  const lines = ['<section id="manual">', `<h2>Manual items (${manual.length})</h2>`];
  if (manual.length === 0) {
    lines.push('<p class="empty">Nothing is left for a human.</p>');
  } else {
    lines.push('<table class="manual">', '<thead><tr><th>location</th><th>kind</th><th>reason</th></tr></thead>', '<tbody>');
    for (const item of manual) lines.push(renderManualItem(item, anchors));
    lines.push('</tbody>', '</table>');
  }
  lines.push(`<h2 id="skipped">Skipped and failed files (${skipped.length})</h2>`);
  if (skipped.length === 0) {
    lines.push('<p class="empty">Every file in scope was read.</p>');
  } else {
    lines.push('<ul class="skipped">');
    for (const file of skipped) {
      lines.push(`<li data-file="${escapeHtml(file.file)}"><span class="status status-${file.status}">${file.status}</span> <code>${escapeHtml(file.file)}</code>: ${escapeHtml(file.error ?? 'no reason given')}</li>`);
    }
    lines.push('</ul>');
  }
  lines.push('</section>');
  return lines.join('\n');
}

function renderManualItem(item: Finding, anchors: Map<string, string>): string {
  const location = escapeHtml(`${item.file}:${item.line}:${item.column}`);
  const anchor = anchors.get(item.file);
  const place = anchor ? `<a href="#${anchor}">${location}</a>` : location;
  const reason = item.reason ?? item.message;
  return `<tr data-file="${escapeHtml(item.file)}"><td><code>${place}</code></td><td>${escapeHtml(item.kind)}</td><td>${escapeHtml(reason)}</td></tr>`;
}

/**
 * Fragment ids from the paths, so a link to a file's section survives the next run. Characters
 * outside a small safe set become `~hex~` (`~` is not in the set, so distinct paths keep distinct
 * ids), which keeps the ids valid and the hrefs free of escaping; the numbered suffix is a guard
 * only.
 */
function anchorsFor(files: FileResult[]): Map<string, string> {
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  for (const file of files) {
    const base = 'file-' + file.file.replace(/[^\w./-]/gu, (character) => `~${character.codePointAt(0)!.toString(16)}~`);
    let anchor = base;
    for (let index = 2; used.has(anchor); index++) anchor = `${base}-${index}`;
    used.add(anchor);
    anchors.set(file.file, anchor);
  }
  return anchors;
}

// Removed red, added green, a darker mark on the part of a paired line that changed. Sections
// off screen skip layout (content-visibility), which keeps a page of hundreds of diffs fast.
const STYLE = `
:root { color-scheme: light; --removed: #ffebe9; --removed-mark: #ffc1bc; --added: #e6ffec; --added-mark: #abf2bc; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; padding: 0 1.5rem 3rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
header { padding: 1rem 0 0.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.repo, .hint, .empty { color: var(--muted); margin: 0.25rem 0; }
code, .diff td.code, .diff .hunk td, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.summary { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0.75rem 0; }
.summary div { display: flex; flex-direction: column; }
.summary dt { color: var(--muted); font-size: 12px; }
.summary dd { margin: 0; font-size: 1.2rem; font-weight: 600; }
table { border-collapse: collapse; }
.file-list, .manual { width: 100%; }
.file-list th, .file-list td, .manual th, .manual td { text-align: left; padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.file-list td.n, .file-list th.n { text-align: right; white-space: nowrap; }
.added-count { color: #1a7f37; }
.removed-count { color: #cf222e; }
.status { font-size: 11px; padding: 0 0.4rem; border-radius: 0.6rem; background: #eaeef2; }
.status-deleted, .status-error { background: #ffebe9; }
.status-skipped { background: #fff8c5; }
.tools { margin: 0.5rem 0; }
.tools input { width: 20rem; max-width: 100%; padding: 0.2rem 0.4rem; }
section.file { margin: 1.25rem 0; border: 1px solid var(--line); border-radius: 6px; content-visibility: auto; contain-intrinsic-size: auto 20rem; }
section.file summary { padding: 0.4rem 0.6rem; background: #f6f8fa; border-bottom: 1px solid var(--line); cursor: pointer; }
section.file .counts { color: var(--muted); font-size: 12px; }
section.file .top { float: right; font-size: 12px; }
.diff { width: 100%; table-layout: fixed; }
.diff col.num { width: 3.5rem; }
.diff th { font-weight: normal; color: var(--muted); text-align: left; padding: 0.1rem 0.5rem; font-size: 12px; }
.diff td { padding: 0 0.5rem; vertical-align: top; }
.diff td.num { text-align: right; color: var(--muted); user-select: none; font-family: ui-monospace, monospace; font-size: 12px; }
.diff td.code { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
.diff td.code + td.num { border-left: 1px solid var(--line); }
.diff .hunk td { background: #ddf4ff; color: var(--muted); padding: 0.15rem 0.5rem; }
.diff td.removed { background: var(--removed); }
.diff td.added { background: var(--added); }
.diff td.removed mark { background: var(--removed-mark); color: inherit; }
.diff td.added mark { background: var(--added-mark); color: inherit; }
.diff td.empty { background: #f6f8fa; }
.eol { color: var(--muted); margin-left: 0.2rem; }
.manual td:nth-child(-n+2) { white-space: nowrap; }
.skipped li { margin: 0.2rem 0; }
[hidden] { display: none !important; }
`;

// Navigation only, on the file list: a filter over the rows and the sections, and expand or
// collapse all. The page works without it.
const SCRIPT = `
(function () {
  var filter = document.getElementById('file-filter');
  var rows = document.querySelectorAll('.file-list tbody tr');
  var sections = document.querySelectorAll('section.file');
  if (filter) filter.addEventListener('input', function () {
    var needle = filter.value.toLowerCase();
    var show = function (element) { element.hidden = needle !== '' && element.getAttribute('data-file').toLowerCase().indexOf(needle) === -1; };
    rows.forEach(show);
    sections.forEach(show);
  });
  document.querySelectorAll('button[data-toggle]').forEach(function (button) {
    button.addEventListener('click', function () {
      var open = button.getAttribute('data-toggle') === 'open';
      document.querySelectorAll('section.file details').forEach(function (details) { details.open = open; });
    });
  });
})();
`;

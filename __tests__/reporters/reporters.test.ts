import { renderJson } from '../../src/reporters/json';
import { renderMarkdown } from '../../src/reporters/markdown';
import { renderScanTable } from '../../src/reporters/table';
import { renderRunSummary } from '../../src/reporters/run-summary';
import { renderDiff } from '../../src/reporters/diff';
import { renderPlan, type PlanRow } from '../../src/reporters/plan';
import type { RunResult } from '../../src/result/types';
import { makeFinding } from '../helpers/result-fixtures';

const finding = makeFinding;

const result: RunResult = {
  command: 'run',
  phases: ['imports'],
  repo: '/repo',
  filesScanned: 3,
  filesParsed: 2,
  files: [
    {
      file: 'src/a.ts',
      status: 'changed',
      findingsBefore: [finding({}), finding({ kind: 'dual-import', message: 'imports both' })],
      findingsAfter: [],
      mentions: [],
      patch: 'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-old\n+new\n',
      newText: 'new\n',
    },
    {
      file: 'src/b.ts',
      status: 'unchanged',
      findingsBefore: [finding({ file: 'src/b.ts', kind: 'no-counterpart', fixable: false, reason: '"getWebSocketManager" has no canonical counterpart', line: 3 })],
      findingsAfter: [finding({ file: 'src/b.ts', kind: 'no-counterpart', fixable: false, reason: '"getWebSocketManager" has no canonical counterpart', line: 3 })],
      mentions: [{ phase: 'imports', file: 'src/b.ts', line: 1, column: 1, where: 'comment', text: 'see ./websocket_manager' }],
    },
    { file: 'src/c.ts', status: 'skipped', findingsBefore: [], findingsAfter: [], mentions: [], error: 'src/c.ts:2:5: cannot be parsed (Unexpected token); skipped' },
  ],
};

/** A run of phase 2: a facade deleted with its reason, and one the type-check gate held back. */
const facadesRun: RunResult = {
  command: 'run',
  phases: ['facades'],
  repo: '/repo',
  filesScanned: 2,
  filesParsed: 2,
  files: [
    {
      file: 'src/facade.ts',
      status: 'deleted',
      findingsBefore: [finding({ file: 'src/facade.ts', kind: 'facade', phase: 'facades', message: 'facade of src/core.ts (re-export)' })],
      findingsAfter: [],
      mentions: [],
      patch: 'diff --git a/src/facade.ts b/src/facade.ts\ndeleted file mode 100644\n--- a/src/facade.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-export * from "./core";\n',
      deletion: { reason: 're-export of Core from src/core.ts', line: 1, evidence: 'export * from "./core";' },
    },
    // Deleted no more: the type-check gate blocked it, and its reason must not be shown.
    { file: 'src/held.ts', status: 'error', findingsBefore: [], findingsAfter: [], mentions: [], error: 'src/held.ts: blocked', deletion: { reason: 're-export of Core from src/core.ts' } },
  ],
};

describe('reporters', () => {
  it('json: counts per phase and kind, files with something to say, no new texts', () => {
    const report = JSON.parse(renderJson(result));
    expect(report.counts).toEqual([
      { phase: 'imports', kind: 'dual-import', total: 1, fixable: 1, manual: 0, files: 1 },
      { phase: 'imports', kind: 'legacy-import', total: 1, fixable: 1, manual: 0, files: 1 },
      { phase: 'imports', kind: 'no-counterpart', total: 1, fixable: 0, manual: 1, files: 1 },
    ]);
    expect(report.files.map((file: { file: string }) => file.file)).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
    expect(JSON.stringify(report)).not.toContain('newText');
  });

  it('json: a deleted file says why, with its evidence line; a file no longer deleted does not', () => {
    const report = JSON.parse(renderJson(facadesRun)) as { files: Array<{ file: string; deletion?: unknown }> };
    expect(report.files.find((file) => file.file === 'src/facade.ts')!.deletion).toEqual({ reason: 're-export of Core from src/core.ts', line: 1, evidence: 'export * from "./core";' });
    expect(report.files.find((file) => file.file === 'src/held.ts')).not.toHaveProperty('deletion');
  });

  it('json: no absolute path, not even the repo root', () => {
    const text = renderJson({ ...result, repo: '/home/someone/work/service' });
    expect(text).not.toContain('/home/someone');
    expect(JSON.parse(text)).not.toHaveProperty('repo');
  });

  it('table: counts, manual items with reasons, mentions apart, skipped files', () => {
    const table = renderScanTable(result);
    expect(table).toMatch(/imports\s+legacy-import\s+1\s+1\s+0\s+1/);
    expect(table).toContain('src/b.ts:3:1  [imports/no-counterpart] "getWebSocketManager" has no canonical counterpart');
    expect(table).toContain('Mentions in comments and strings, not counted (1)');
    expect(table).toContain('src/c.ts:2:5: cannot be parsed');
  });

  it('table: the last line counts in the singular where there is one', () => {
    expect(renderScanTable(result)).toContain('3 files in scope, 2 parsed. 3 violations (2 fixable, 1 manual).');
    const single = { ...result, filesScanned: 1, filesParsed: 1, files: [{ ...result.files[1]!, file: 'src/b.ts' }] };
    expect(renderScanTable(single)).toContain('1 file in scope, 1 parsed. 1 violation (0 fixable, 1 manual).');
  });

  it('markdown: a table and the manual items', () => {
    const markdown = renderMarkdown(result);
    expect(markdown.startsWith('## ssot-migrate scan')).toBe(true);
    expect(markdown).toContain('| imports | no-counterpart | 1 | 0 | 1 | 1 |');
  });

  it('run summary: before → after, each fix with why, manual items, dry-run notice', () => {
    const summary = renderRunSummary(result, 'imports', { written: false });
    expect(summary.split('\n')[0]).toBe('imports: 1 file would change; violations 3 → 1 (1 manual)');
    expect(summary).toContain(['Fixes (2):', '  src/a.ts:1:1  [dual-import] imports both', '  src/a.ts:1:1  [legacy-import] WebSocketManager from legacy module src/websocket_manager.ts'].join('\n'));
    expect(summary).toContain('Manual items (1):\n  src/b.ts:3:1  [no-counterpart] "getWebSocketManager" has no canonical counterpart');
    expect(summary).toContain('Dry run: nothing written. Pass --write to apply.');
    expect(summary).toContain('Skipped (1)');
  });

  it('run summary: a deleted file says why, with the line that shows it', () => {
    expect(renderRunSummary(facadesRun, 'facades', { written: false })).toContain(
      ['Fixes (1):', '  src/facade.ts:1:1  [facade] facade of src/core.ts (re-export)', 'To delete (1):', '  src/facade.ts  re-export of Core from src/core.ts (line 1: export * from "./core";)'].join(
        '\n',
      ),
    );
    expect(renderRunSummary(facadesRun, 'facades', { written: true })).toContain('Deleted (1):\n  src/facade.ts  re-export of Core');
  });

  it('diff: plain text off a terminal, colour only when asked', () => {
    expect(renderDiff(result, { color: false })).toBe(result.files[0]!.patch);
    expect(renderDiff(result, { color: true })).toContain('\x1b[');
  });

  it('diff in colour: the same text, each line styled by what the hunk says it is', () => {
    // A removed line that reads `-- x` and an added one that reads `++ y` are lines of the file, not headers.
    const patch = 'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,2 +1,2 @@\n--- x\n+++ y\n same\n';
    const colored = renderDiff({ ...result, files: [{ ...result.files[0]!, patch }] }, { color: true });
    expect(colored.replace(/\x1b\[\d+m/g, '')).toBe(patch);
    expect(colored.split('\n')).toEqual([
      '\x1b[1mdiff --git a/src/a.ts b/src/a.ts\x1b[22m',
      '\x1b[1m--- a/src/a.ts\x1b[22m',
      '\x1b[1m+++ b/src/a.ts\x1b[22m',
      '\x1b[36m@@ -1,2 +1,2 @@\x1b[39m',
      '\x1b[31m--- x\x1b[39m',
      '\x1b[32m+++ y\x1b[39m',
      ' same',
      '',
    ]);
  });
});

describe('plan', () => {
  const row = (overrides: Partial<PlanRow>): PlanRow => ({ order: 1, phase: 'imports', title: 'import consolidation', violations: 3, fixable: 2, manual: 1, files: 2, ...overrides });

  it('says which phase is ready given the phases before it', () => {
    const table = renderPlan([
      row({}),
      row({ order: 2, phase: 'facades', title: 'facade removal', waitsFor: 'imports' }),
      row({ order: 3, phase: 'signatures', title: 'signature normalisation', fixable: 0, manual: 2 }),
      row({ order: 4, phase: 'factories', title: 'factory rewiring', configured: false }),
    ]);
    const lines = table.trimEnd().split('\n').slice(2);
    expect(lines[0]).toMatch(/yes: ssot-migrate run imports$/);
    expect(lines[1]).toMatch(/after imports$/);
    expect(lines[2]).toMatch(/done, manual items left$/);
    expect(lines[3]).toMatch(/^4 +factories +factory rewiring +- +- +- +- +not configured$/);
  });
});

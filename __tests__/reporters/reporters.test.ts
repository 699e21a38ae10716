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

  it('table: counts, manual items with reasons, mentions apart, skipped files', () => {
    const table = renderScanTable(result);
    expect(table).toMatch(/imports\s+legacy-import\s+1\s+1\s+0\s+1/);
    expect(table).toContain('src/b.ts:3:1  [imports/no-counterpart] "getWebSocketManager" has no canonical counterpart');
    expect(table).toContain('Mentions in comments and strings, not counted (1)');
    expect(table).toContain('src/c.ts:2:5: cannot be parsed');
  });

  it('markdown: a table and the manual items', () => {
    const markdown = renderMarkdown(result);
    expect(markdown.startsWith('## ssot-migrate scan')).toBe(true);
    expect(markdown).toContain('| imports | no-counterpart | 1 | 0 | 1 | 1 |');
  });

  it('run summary: before → after, manual items, dry-run notice', () => {
    const summary = renderRunSummary(result, 'imports', { written: false });
    expect(summary.split('\n')[0]).toBe('imports: 1 file would change; violations 3 → 1 (1 manual)');
    expect(summary).toContain('Dry run: nothing written. Pass --write to apply.');
    expect(summary).toContain('Skipped (1)');
  });

  it('diff: plain text off a terminal, colour only when asked', () => {
    expect(renderDiff(result, { color: false })).toBe(result.files[0]!.patch);
    expect(renderDiff(result, { color: true })).toContain('\x1b[');
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

import { renderReportMarkdown } from '../../src/reporters/report-markdown';
import type { HistoryRecord } from '../../src/result/history-record';
import type { PhaseId } from '../../src/result/types';

type Count = HistoryRecord['counts'][number];
const count = (phase: PhaseId, kind: string, total: number, manual: number): Count => ({ phase, kind, total, fixable: total - manual, manual });

// Three scans: imports is fixed, facades is first measured at the second scan and partly fixed,
// signatures gains a violation, factories is never measured.
const history: HistoryRecord[] = [
  {
    time: '2025-03-01T09:30:00.000Z',
    commit: 'aaaaaaa111',
    phases: ['imports'],
    counts: [count('imports', 'dual-import', 38, 0), count('imports', 'legacy-import', 62, 2)],
    files: [{ file: 'src/a.ts', total: 40 }],
  },
  {
    time: '2025-03-08T09:30:00.000Z',
    commit: 'bbbbbbb222',
    phases: ['imports', 'facades', 'signatures'],
    counts: [count('facades', 'facade-module', 12, 1), count('imports', 'legacy-import', 2, 2), count('signatures', 'arity', 3, 3)],
    files: [{ file: 'src/b.ts', total: 9 }],
  },
  {
    time: '2025-03-15T17:05:09.123Z',
    commit: 'ccccccc333',
    phases: ['imports', 'facades', 'signatures'],
    counts: [count('facades', 'facade-module', 1, 1), count('imports', 'legacy-import', 2, 2), count('signatures', 'arity', 5, 4)],
    files: [
      { file: 'src/signatures|odd.ts', total: 5 },
      { file: 'src/`quoted`.ts', total: 2 },
      { file: 'src/z.ts', total: 1 },
    ],
  },
];
const phases: PhaseId[] = ['imports', 'facades', 'signatures', 'factories'];

describe('renderReportMarkdown', () => {
  const markdown = renderReportMarkdown(history, phases);

  it('opens with a title and the period from the first to the last scan', () => {
    expect(markdown.startsWith('# SSOT migration report\n')).toBe(true);
    expect(markdown).toContain('**Period**: 2025-03-01 09:30 UTC (`aaaaaaa`) → 2025-03-15 17:05 UTC (`ccccccc`), 3 scans.');
  });

  it('has one row per phase: found at its first scan, fixed, remaining and manual at the last', () => {
    const table = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(table).toEqual([
      '| Phase | Violations found | Fixed | Remaining | Manual |',
      '| imports | 100 | 98 | 2 | 2 |',
      // facades was not measured by the first scan: it counts from the second.
      '| facades | 12 | 11 | 1 | 1 |',
      // More left than found: nothing fixed, never a negative number.
      '| signatures | 3 | 0 | 5 | 4 |',
      '| factories | — | — | — | — |',
      '| **Total** | **115** | **109** | **8** | **7** |',
    ]);
    expect(markdown).toContain('**Fixed**: 94.8% (109/115).');
  });

  it('lists the files with the most left from the last scan, in order, as code', () => {
    const section = markdown.slice(markdown.indexOf('## Files with the most left'));
    expect(section.split('\n').filter((line) => /^\d+\. /.test(line))).toEqual(['1. `src/signatures|odd.ts`: 5', '2. `` src/`quoted`.ts ``: 2', '3. `src/z.ts`: 1']);
    expect(section).not.toContain('src/a.ts');
  });

  it('says what to do when there is no history', () => {
    expect(renderReportMarkdown([], phases)).toBe('# SSOT migration report\n\nNo history yet: run `ssot-migrate scan --record` after each phase to record one.\n');
  });

  it('reads a single scan as found = remaining, and says when nothing is left', () => {
    const single = renderReportMarkdown([{ time: '2025-03-01T09:30:00.000Z', commit: null, counts: [], files: [] }], ['imports']);
    expect(single).toContain('**Period**: one scan, 2025-03-01 09:30 UTC (no commit).');
    expect(single).toContain('| imports | 0 | 0 | 0 | 0 |');
    expect(single).not.toContain('**Fixed**');
    expect(single).toContain('None: the last scan found no violations.');
  });
});

import { baselineFrom, compareBaseline, readBaseline, serializeBaseline, writeBaseline } from '../../src/baseline/baseline';
import type { Finding } from '../../src/result/types';
import { makeRepo } from '../helpers/cli-repo';

const finding = (file: string, kind: string, line = 1): Finding => ({ phase: 'imports', kind, message: `${kind} in ${file}`, messageId: kind, data: { file }, fixable: true, file, line, column: 1 });

describe('the baseline ratchet', () => {
  const baseline = baselineFrom([finding('src/b.ts', 'legacy-import'), finding('src/a.ts', 'legacy-import'), finding('src/a.ts', 'legacy-import', 5), finding('src/a.ts', 'dual-import')]);

  it('is sorted and stable, one file per line', () => {
    expect(serializeBaseline(baseline)).toBe('{\n  "src/a.ts": {"imports/dual-import": 1, "imports/legacy-import": 2},\n  "src/b.ts": {"imports/legacy-import": 1}\n}\n');
    const reordered = baselineFrom([finding('src/a.ts', 'dual-import'), finding('src/a.ts', 'legacy-import', 5), finding('src/b.ts', 'legacy-import'), finding('src/a.ts', 'legacy-import')]);
    expect(serializeBaseline(reordered)).toBe(serializeBaseline(baseline));
  });

  it('round-trips through the file', () => {
    const repo = makeRepo({});
    try {
      writeBaseline(repo.path('.ssot/baseline.json'), baseline);
      expect(readBaseline(repo.path('.ssot/baseline.json'))).toEqual(baseline);
    } finally {
      repo.remove();
    }
  });

  it("fails on a rise, listing that file's violations of the rule", () => {
    const comparison = compareBaseline(baseline, [
      finding('src/a.ts', 'legacy-import'),
      finding('src/a.ts', 'legacy-import', 5),
      finding('src/a.ts', 'legacy-import', 9),
      finding('src/a.ts', 'dual-import'),
      finding('src/b.ts', 'legacy-import'),
    ]);
    expect(comparison.rose).toHaveLength(1);
    expect(comparison.rose[0]).toMatchObject({ file: 'src/a.ts', rule: 'imports/legacy-import', baseline: 2, now: 3 });
    expect(comparison.rose[0]!.findings.map((item) => item.line)).toEqual([1, 5, 9]);
  });

  it('counts a new rule or a new file as a rise', () => {
    const comparison = compareBaseline(baseline, [
      ...[finding('src/a.ts', 'legacy-import'), finding('src/a.ts', 'legacy-import', 5), finding('src/a.ts', 'dual-import'), finding('src/b.ts', 'legacy-import')],
      finding('src/c.ts', 'indirect-import'),
    ]);
    expect(comparison.rose.map((change) => `${change.file} ${change.rule}`)).toEqual(['src/c.ts imports/indirect-import']);
  });

  it('passes a fall and reports files with nothing left as stale', () => {
    const comparison = compareBaseline(baseline, [finding('src/a.ts', 'legacy-import')]);
    expect(comparison.rose).toEqual([]);
    expect(comparison.fell.map((change) => `${change.rule} ${change.baseline}→${change.now}`)).toEqual(['imports/dual-import 1→0', 'imports/legacy-import 2→1']);
    expect(comparison.stale).toEqual(['src/b.ts']);
  });
});

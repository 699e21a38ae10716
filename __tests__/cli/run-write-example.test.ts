// The whole phase-1 migration on a copy of the example, as `npm run demo` does it: --write, then
// scan shows only manual items, and the migrated copy still type-checks and passes its own tests.
import fs from 'node:fs';
import path from 'node:path';
import { changedPaths, copyExample, filesInDiff, JEST, parseScanJson, spawnNode, summaryLine, TSC, type CliResult, type ScanJson, type TempRepo } from '../helpers/cli-repo';

jest.setTimeout(300_000);

describe('run imports --write on the example', () => {
  let repo: TempRepo;
  let scanBefore: ScanJson;
  let before: Map<string, string>;
  let dry: CliResult;
  let write: CliResult;
  let scanAfter: CliResult;

  beforeAll(async () => {
    repo = copyExample({ git: true, nodeModules: true });
    scanBefore = parseScanJson(await repo.run(['scan', '--format', 'json']));
    before = repo.snapshot();
    dry = await repo.run(['run', 'imports']);
    write = await repo.run(['run', 'imports', '--write']);
    scanAfter = await repo.run(['scan', '--format', 'json']);
  });
  afterAll(() => repo.remove());

  it('exits 0 and writes exactly the files the dry run listed', () => {
    expect(write.status).toBe(0);
    expect(write.stderr).not.toMatch(/error/i);
    expect(changedPaths(before, repo.snapshot())).toEqual([...filesInDiff(dry.stdout)].sort());
    // Besides the files of the diff, --write leaves its undo journal, in the git directory.
    const journal = repo.path('.git/ssot-migrate/journal');
    expect(fs.readdirSync(journal).some((run) => fs.existsSync(path.join(journal, run, 'manifest.json')))).toBe(true);
    expect(summaryLine(write.stdout)).toEqual(summaryLine(dry.stdout));
    expect(write.stdout).toMatch(/^imports: \d+ files changed;/m);
  });

  it('leaves no fixable phase-1 finding: every remaining one is manual, with a reason', () => {
    const report = parseScanJson(scanAfter);
    const remaining = report.files.flatMap((file) => file.findingsBefore).filter((finding) => finding.phase === 'imports');
    expect(remaining.filter((finding) => finding.fixable)).toEqual([]);
    for (const finding of remaining) {
      expect(finding.fixable).toBe(false);
      expect(typeof finding.reason).toBe('string');
      expect(finding.reason!.trim().length).toBeGreaterThan(0);
    }
    for (const count of report.counts.filter((entry) => entry.phase === 'imports')) expect(count.fixable).toBe(0);
    // What scan counted before is what the run fixed plus what it left for a human.
    const manualBefore = scanBefore.files.flatMap((file) => file.findingsBefore).filter((finding) => finding.phase === 'imports' && !finding.fixable);
    expect(remaining.length).toBe(manualBefore.length);
    expect(summaryLine(write.stdout)!.after).toBe(remaining.length);
  });

  it('leaves no temporary files behind (atomic writes clean up)', () => {
    expect([...repo.snapshot().keys()].filter((file) => /\.tmp$|ssot-/.test(file))).toEqual([]);
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).not.toMatch(/^\?\?/m);
  });

  it('type-checks with the repo\'s tsc', () => {
    const tsc = spawnNode([TSC, '-p', repo.path('tsconfig.json'), '--noEmit'], { cwd: repo.root });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('passes its own tests', () => {
    const tests = spawnNode([JEST, '--rootDir', repo.root, '--ci', '--silent'], { cwd: repo.root });
    if (tests.status !== 0) throw new Error(`the example's tests failed after the migration:\n${tests.stderr.slice(-4000)}`);
    expect(tests.stderr).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(tests.stderr).not.toMatch(/failed/);
  });
});

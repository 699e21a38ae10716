// The dry-run diff is exactly what --write writes: the --patch file applied with `git apply` to a
// fresh copy gives the same tree, byte for byte. And a second run changes nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { changedPaths, copyExample, filesInDiff, summaryLine, type CliResult, type TempRepo } from '../helpers/cli-repo';

describe('on the example: --patch + git apply == --write, and --write is idempotent', () => {
  let written: TempRepo;
  let patched: TempRepo;
  let patchFile: string;
  let dry: CliResult;
  let write: CliResult;
  let pristine: Map<string, string>;
  let apply: { status: number | null; stderr: string };

  beforeAll(async () => {
    written = copyExample({ git: true });
    patched = copyExample({ git: true });
    pristine = written.snapshot();
    patchFile = `${written.root}.imports.patch`;
    dry = await written.run(['run', 'imports', '--patch', patchFile]);
    const result = spawnSync('git', ['apply', '--whitespace=nowarn', patchFile], { cwd: patched.root, encoding: 'utf8' });
    apply = { status: result.status, stderr: result.stderr };
    write = await written.run(['run', 'imports', '--write']);
  });
  afterAll(() => {
    fs.rmSync(patchFile, { force: true });
    written.remove();
    patched.remove();
  });

  it('the patch is the printed diff and git apply takes it', () => {
    expect(dry.status).toBe(0);
    const patch = fs.readFileSync(patchFile, 'utf8');
    expect(patch.length).toBeGreaterThan(0);
    // The patch file is the diff after its header line (which `git apply` skips).
    expect(patch).toMatch(/^# Written by ssot-migrate \(run imports\)/);
    expect(dry.stdout.startsWith(patch.slice(patch.indexOf('\n') + 1))).toBe(true);
    expect(apply.stderr).toBe('');
    expect(apply.status).toBe(0);
  });

  it('the patched tree equals the written tree, every file byte for byte', () => {
    expect(write.status).toBe(0);
    const fromWrite = written.snapshot();
    const fromPatch = patched.snapshot();
    expect(changedPaths(fromPatch, fromWrite)).toEqual([]);
    // ...and both differ from the original in exactly the files the diff names.
    expect(changedPaths(pristine, fromWrite)).toEqual([...filesInDiff(dry.stdout)].sort());
  });

  it('git sees the same changes in both copies', () => {
    const names = (repo: TempRepo) => repo.git('diff', '--name-only').split('\n').filter(Boolean).sort();
    expect(names(written)).toEqual(names(patched));
    expect(names(written).length).toBe(summaryLine(write.stdout)!.files);
  });

  describe('a second run', () => {
    let again: CliResult;
    let againWrite: CliResult;
    let afterFirst: Map<string, string>;

    beforeAll(async () => {
      written.commitAll('after imports');
      afterFirst = written.snapshot();
      again = await written.run(['run', 'imports']);
      againWrite = await written.run(['run', 'imports', '--write']);
    });

    it('prints no diff and reports 0 files changed', () => {
      expect(again.stdout).not.toMatch(/^diff --git/m);
      expect(again.stdout).not.toMatch(/^@@ /m);
      expect(summaryLine(again.stdout)).toMatchObject({ files: 0 });
      const first = summaryLine(write.stdout)!;
      // Nothing fixable was left, so the count before the second run is what the first left.
      expect(summaryLine(again.stdout)).toEqual({ files: 0, before: first.after, after: first.after, manual: first.manual });
    });

    it('exits 0 and --write changes no byte', () => {
      expect(again.status).toBe(0);
      expect(againWrite.status).toBe(0);
      expect(summaryLine(againWrite.stdout)).toMatchObject({ files: 0 });
      expect(changedPaths(afterFirst, written.snapshot())).toEqual([]);
      expect(written.git('status', '--porcelain', '--untracked-files=all')).toBe('');
    });
  });
});

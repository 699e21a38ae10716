// Dry-run is the default: without --write nothing in the repo changes (a --patch file outside it
// is the only thing written). Output is deterministic: same input, same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { changedPaths, copyExample, filesInDiff, makeRepo, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';

describe('dry run writes nothing', () => {
  it('on a small repo: every file (and file mode) is unchanged, yet the diff shows the change', async () => {
    const repo = makeRepo({
      ...smallRepoFiles(),
      'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n",
      'src/b.ts': "const { WebSocketManager } = require('./websocket_manager');\nmodule.exports = WebSocketManager;\n",
    });
    try {
      fs.chmodSync(repo.path('src/a.ts'), 0o600);
      const before = repo.snapshot();
      const modeBefore = fs.statSync(repo.path('src/a.ts')).mode;
      const result = await repo.run(['run', 'imports']);
      expect(result.status).toBe(0);
      expect(filesInDiff(result.stdout)).toEqual(['src/a.ts', 'src/b.ts']);
      expect(changedPaths(before, repo.snapshot())).toEqual([]);
      expect(fs.statSync(repo.path('src/a.ts')).mode).toBe(modeBefore);
    } finally {
      repo.remove();
    }
  });

  it('--patch alone writes the patch file and nothing in the repo', async () => {
    const repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = WebSocketManager;\n" });
    const patch = `${repo.root}.patch`;
    try {
      const before = repo.snapshot();
      const result = await repo.run(['run', 'imports', '--patch', patch]);
      expect(result.status).toBe(0);
      expect(changedPaths(before, repo.snapshot())).toEqual([]);
      expect(fs.readFileSync(patch, 'utf8')).toMatch(/^diff --git a\/src\/a\.ts b\/src\/a\.ts$/m);
    } finally {
      fs.rmSync(patch, { force: true });
      repo.remove();
    }
  });
});

describe('determinism on the example', () => {
  let repo: TempRepo;
  let first: CliResult;
  let second: CliResult;
  let patches: [string, string];
  let before: Map<string, string>;

  beforeAll(async () => {
    repo = copyExample();
    before = repo.snapshot();
    const patchDir = fs.mkdtempSync(`${repo.root}-patches-`);
    try {
      first = await repo.run(['run', 'imports', '--patch', path.join(patchDir, 'one.patch')]);
      // The second run is on another copy, at another path: the output must not depend on where the repo is.
      const other = copyExample();
      try {
        second = await other.run(['run', 'imports', '--patch', path.join(patchDir, 'two.patch')]);
      } finally {
        other.remove();
      }
      patches = [fs.readFileSync(path.join(patchDir, 'one.patch'), 'utf8'), fs.readFileSync(path.join(patchDir, 'two.patch'), 'utf8')];
    } finally {
      fs.rmSync(patchDir, { recursive: true, force: true });
    }
  });
  afterAll(() => repo.remove());

  it('two dry runs (on two copies) print byte-identical stdout', () => {
    expect(first.status).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(1000);
    // The summary names the patch file, which differs by design; everything else must match.
    const withoutPatchLine = (text: string) => text.replace(/^Patch written to .*$/m, '');
    expect(withoutPatchLine(second.stdout)).toBe(withoutPatchLine(first.stdout));
  });

  it('two dry runs write byte-identical patches, equal to the diff printed', () => {
    expect(patches[1]).toBe(patches[0]);
    // The patch file is the diff after its header line (which `git apply` skips).
    expect(first.stdout.startsWith(patches[0].slice(patches[0].indexOf('\n') + 1))).toBe(true);
  });

  it('two scans print byte-identical JSON (same files, findings and order)', async () => {
    const one = (await repo.run(['scan', '--format', 'json'])).stdout;
    expect(one.length).toBeGreaterThan(1000);
    expect((await repo.run(['scan', '--format', 'json'])).stdout).toBe(one);
  });

  it('the dry runs wrote nothing in the example', () => {
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });
});

// `--write` refuses a git tree with uncommitted changes in the files it would touch, names them
// and writes nothing; `--allow-dirty` lets it through. Changes elsewhere do not block it.
import fs from 'node:fs';
import path from 'node:path';
import { changedPaths, git, makeRepo, runMain, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

const LEGACY_A = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";
const LEGACY_B = "import { WebSocketManager } from './websocket_manager';\nexport const b = new WebSocketManager();\n";
const CLEAN = "import { UnifiedWebSocketManager } from './unified_manager';\nexport const c = new UnifiedWebSocketManager();\n";

function dirtyRepo(): TempRepo {
  return makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY_A, 'src/b.ts': LEGACY_B, 'src/clean.ts': CLEAN }, { git: true });
}

describe('--write on a dirty git tree', () => {
  let repo: TempRepo;
  afterEach(() => repo?.remove());

  it('exits 2, names the modified file it would touch, and writes nothing', async () => {
    repo = dirtyRepo();
    repo.write('src/a.ts', LEGACY_A + '// work in progress\n');
    const before = repo.snapshot();
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/src\/a\.ts/);
    expect(result.stderr).not.toMatch(/src\/b\.ts/);
    expect(result.stderr).toMatch(/--allow-dirty/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('treats a staged but uncommitted change as dirty too', async () => {
    repo = dirtyRepo();
    repo.write('src/b.ts', LEGACY_B + '// staged\n');
    repo.git('add', 'src/b.ts');
    const before = repo.snapshot();
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/src\/b\.ts/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('treats an untracked file it would touch as uncommitted (git cannot bring it back)', async () => {
    repo = dirtyRepo();
    repo.write('src/new_consumer.ts', "import { WebSocketManager } from './websocket_manager';\nexport const n = WebSocketManager;\n");
    const before = repo.snapshot();
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/src\/new_consumer\.ts/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('also refuses with --patch, and then writes no patch either', async () => {
    repo = dirtyRepo();
    repo.write('src/a.ts', LEGACY_A + '// work in progress\n');
    const patch = path.join(repo.root, '..', `${path.basename(repo.root)}.patch`);
    try {
      const result = await repo.run(['run', 'imports', '--write', '--patch', patch]);
      expect(result.status).toBe(2);
      expect(fs.existsSync(patch)).toBe(false);
    } finally {
      fs.rmSync(patch, { force: true });
    }
  });

  it('writes with --allow-dirty, keeping the uncommitted edit', async () => {
    repo = dirtyRepo();
    repo.write('src/a.ts', LEGACY_A + '// work in progress\n');
    const result = await repo.run(['run', 'imports', '--write', '--allow-dirty']);
    expect(result.status).toBe(0);
    expect(repo.read('src/a.ts')).toBe("import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\nexport const a = new WebSocketManager();\n// work in progress\n");
    expect(repo.read('src/b.ts')).toMatch(/from '\.\/unified_manager'/);
  });

  it('is not blocked by uncommitted changes in files it does not touch', async () => {
    repo = dirtyRepo();
    repo.write('src/clean.ts', CLEAN + '// unrelated edit\n');
    repo.write('notes.txt', 'untracked\n');
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.status).toBe(0);
    expect(repo.read('src/a.ts')).toMatch(/from '\.\/unified_manager'/);
    expect(repo.read('src/clean.ts')).toBe(CLEAN + '// unrelated edit\n');
  });

  it('checks the right files when --repo is a folder inside a bigger git repo', async () => {
    // The git work tree is the parent; the tool's repo is packages/core inside it.
    const outer = makeRepo({});
    repo = outer;
    const inner = path.join(outer.root, 'packages', 'core');
    for (const [file, content] of Object.entries({ ...smallRepoFiles(), 'src/a.ts': LEGACY_A, 'src/b.ts': LEGACY_B })) {
      fs.mkdirSync(path.dirname(path.join(inner, file)), { recursive: true });
      fs.writeFileSync(path.join(inner, file), content);
    }
    git(outer.root, 'init', '-q');
    git(outer.root, 'config', 'core.autocrlf', 'false');
    outer.commitAll();
    fs.appendFileSync(path.join(inner, 'src/b.ts'), '// work in progress\n');
    const before = outer.snapshot();
    const refused = await runMain(['run', 'imports', '--write', '--repo', '..'], { cwd: path.join(inner, 'src') });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/src\/b\.ts/);
    expect(changedPaths(before, outer.snapshot())).toEqual([]);
    const allowed = await runMain(['run', 'imports', '--write', '--allow-dirty', '--repo', '..'], { cwd: path.join(inner, 'src') });
    expect(allowed.status).toBe(0);
    expect(fs.readFileSync(path.join(inner, 'src/b.ts'), 'utf8')).toMatch(/from '\.\/unified_manager'/);
  });
});

describe('--write outside git', () => {
  it('writes (there is no git state to protect)', async () => {
    const repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY_A });
    try {
      const result = await repo.run(['run', 'imports', '--write']);
      expect(result.status).toBe(0);
      expect(repo.read('src/a.ts')).toMatch(/from '\.\/unified_manager'/);
    } finally {
      repo.remove();
    }
  });
});

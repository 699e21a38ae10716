// Issue 7 beyond one machine and one run: shards that merge into the unsharded result, the scan
// cache that must never change an answer, and --changed-since for pull requests.
import fs from 'node:fs';
import path from 'node:path';
import { copyExample, makeRepo, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';

/** The JSON result without the parts that name the run itself. */
function jsonOf(result: CliResult): unknown {
  expect(result.stderr).not.toMatch(/internal error/);
  return JSON.parse(result.stdout) as unknown;
}

describe('--shard and merge on the example', () => {
  let repo: TempRepo;
  let unsharded: CliResult;
  let shardFiles: string[];
  beforeAll(() => {
    repo = copyExample();
    unsharded = repo.cli(['scan', '--format', 'json']);
    shardFiles = [1, 2, 3].map((index) => {
      const result = repo.cli(['scan', '--format', 'json', '--shard', `${index}/3`]);
      const file = repo.path(`shard-${index}.json`);
      fs.writeFileSync(file, result.stdout);
      return file;
    });
  });
  afterAll(() => repo.remove());

  it('splits the files between the shards, each once', () => {
    const scanned = shardFiles.map((file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { filesScanned: number }).filesScanned);
    expect(scanned.every((count) => count > 0)).toBe(true);
    expect(scanned.reduce((sum, count) => sum + count, 0)).toBe((jsonOf(unsharded) as { filesScanned: number }).filesScanned);
  });

  it('merges the shards into exactly the unsharded result', () => {
    const merged = repo.cli(['merge', ...shardFiles]);
    expect(merged.status).toBe(unsharded.status);
    expect(merged.stdout).toBe(unsharded.stdout);
  });

  it('merges a sharded run too, patches included', () => {
    const whole = repo.cli(['run', 'imports', '--format', 'json', '--no-verify']);
    const parts = [1, 2].map((index) => {
      const file = repo.path(`run-${index}.json`);
      fs.writeFileSync(file, repo.cli(['run', 'imports', '--format', 'json', '--no-verify', '--shard', `${index}/2`]).stdout);
      return file;
    });
    expect(repo.cli(['merge', ...parts]).stdout).toBe(whole.stdout);
  });

  it('renders the merged result in any scan format', () => {
    const table = repo.cli(['merge', ...shardFiles, '--format', 'table']);
    expect(table.stdout).toBe(repo.cli(['scan']).stdout);
  });

  it.each([
    ['a missing shard', () => shardFiles.slice(0, 2), /shard 3\/3 missing/],
    ['a shard given twice', () => [shardFiles[0]!, shardFiles[0]!, shardFiles[1]!], /shard 1\/3 is given twice/],
    ['an unsharded result', () => [...shardFiles, '__unsharded__'], /not the result of a sharded run/],
  ])('refuses %s with a one-line error and exit 2', (_name, files, message) => {
    const given = files().map((file) => {
      if (file !== '__unsharded__') return file;
      fs.writeFileSync(repo.path('whole.json'), unsharded.stdout);
      return repo.path('whole.json');
    });
    const result = repo.cli(['merge', ...given]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toMatch(message);
  });

  it('names a file that is not a result', () => {
    fs.writeFileSync(repo.path('junk.json'), '{"hello": 1}');
    const result = repo.cli(['merge', repo.path('junk.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${repo.path('junk.json')}: not the --format json output of scan or run`);
  });

  it.each(['0/3', '4/3', 'half', '1/0'])('refuses --shard %s', (shard) => {
    const result = repo.cli(['scan', '--shard', shard]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--shard ${shard}: expected INDEX/COUNT`);
  });
});

describe('the scan cache', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({
      ...smallRepoFiles(),
      'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n",
      'src/b.ts': 'export const b = 1;\n',
      'src/c.ts': "import { UnifiedWebSocketManager } from './unified_manager';\nexport const c = UnifiedWebSocketManager;\n",
    });
  });
  afterEach(() => repo.remove());

  /** A cached scan and an uncached one must agree, whatever changed since the last scan. */
  function expectCacheAgrees(): CliResult {
    const cached = repo.cli(['scan', '--format', 'json', '--cache']);
    const fresh = repo.cli(['scan', '--format', 'json']);
    expect(jsonOf(cached)).toEqual(jsonOf(fresh));
    expect(cached.status).toBe(fresh.status);
    return cached;
  }

  it('reuses the results of unchanged files, and says so', () => {
    expect(repo.cli(['scan', '--cache']).stderr).not.toContain('unchanged since the cached scan');
    expect(fs.existsSync(repo.path('.ssot/cache/scan.json'))).toBe(true);
    expect(repo.read('.ssot/cache/.gitignore')).toBe('*\n');
    expect(expectCacheAgrees().stderr).toContain('(5 files unchanged since the cached scan)');
  });

  it('re-reads only the file that changed when nothing the phases know across files did', () => {
    repo.cli(['scan', '--cache']);
    // Most files of a big repo: they name no module of the migration.
    repo.write('src/b.ts', 'export const b = 2;\n');
    expect(expectCacheAgrees().stderr).toContain('(4 files unchanged since the cached scan)');
  });

  it('sees a legacy import added to a file it had cached as clean', () => {
    repo.cli(['scan', '--cache']);
    // The file becomes a consumer of the facade, which changes what phase 2 knows: a cold scan.
    repo.write('src/b.ts', "import './websocket_manager';\nconsole.log('b');\n");
    expect(expectCacheAgrees().stdout).toContain('src/b.ts');
  });

  it('sees a new barrel (a change to what the phases know across files)', () => {
    repo.cli(['scan', '--cache']);
    repo.write('src/b.ts', "export * from './websocket_manager';\n");
    repo.write('src/d.ts', "import { WebSocketManager } from './b';\nexport const d = WebSocketManager;\n");
    const result = expectCacheAgrees();
    expect(result.stdout).toContain('src/d.ts');
  });

  it('re-analyses every candidate when a file the type-aware phases look at changes', () => {
    repo.cli(['scan', '--cache']);
    repo.write('src/b.ts', "import { WebSocketManager } from './websocket_manager';\nexport const b = WebSocketManager;\n");
    const result = expectCacheAgrees();
    expect(result.stderr).not.toContain('unchanged since the cached scan');
  });

  it('sees the canonical module change and files come and go', () => {
    repo.cli(['scan', '--cache']);
    repo.write('src/unified_manager.ts', 'export class UnifiedWebSocketManager {}\nexport class Extra {}\n');
    expectCacheAgrees();
    fs.rmSync(repo.path('src/a.ts'));
    expectCacheAgrees();
    repo.write('src/e.ts', "import { WebSocketManager } from './websocket_manager';\nexport const e = WebSocketManager;\n");
    expect(expectCacheAgrees().stdout).toContain('src/e.ts');
  });

  it('is not used or written without --cache', () => {
    repo.cli(['scan']);
    expect(fs.existsSync(repo.path('.ssot/cache'))).toBe(false);
  });

  it('starts cold when the config changes', () => {
    repo.cli(['scan', '--cache']);
    const config = JSON.parse(repo.read('ssot.config.json')) as { exclude?: string[] };
    repo.write('ssot.config.json', JSON.stringify({ ...config, exclude: ['src/c.ts'] }));
    const result = expectCacheAgrees();
    expect(result.stderr).not.toContain('unchanged since the cached scan');
  });

  it('survives a corrupt cache file by starting cold', () => {
    repo.cli(['scan', '--cache']);
    fs.writeFileSync(repo.path('.ssot/cache/scan.json'), '{"format": 1, "key": tru');
    expectCacheAgrees();
  });
});

describe('--changed-since', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(
      {
        ...smallRepoFiles(),
        'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = WebSocketManager;\n",
        'src/b.ts': 'export const b = 1;\n',
      },
      { git: true },
    );
  });
  afterAll(() => repo.remove());

  it('scans only the files that differ from the ref: committed, modified or untracked', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/b.ts', "import { WebSocketManager } from './websocket_manager';\nexport const b = WebSocketManager;\n");
    repo.commitAll('b imports the facade');
    repo.write('src/c.ts', "import { WebSocketManager } from './websocket_manager';\nexport const c = WebSocketManager;\n");
    const result = repo.cli(['scan', '--format', 'json', '--changed-since', 'HEAD~1']);
    const files = (jsonOf(result) as { files: Array<{ file: string }>; filesScanned: number }).files.map((file) => file.file);
    expect(files).toEqual(['src/b.ts', 'src/c.ts']);
    expect(result.stderr).toContain('scanning 2 files');
  });

  it('names a ref that does not exist', () => {
    const result = repo.cli(['scan', '--changed-since', 'no-such-ref']);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^ssot-migrate: --changed-since no-such-ref: git rev-parse failed/);
  });

  it('works on a subfolder of the git work tree', () => {
    expect(path.isAbsolute(repo.root)).toBe(true);
  });
});

// Big repositories, beyond one machine and one run: shards that merge into the unsharded result, the scan
// cache that must never change an answer, and --changed-since for pull requests.
import fs from 'node:fs';
import { copyExample, makeRepo, runMain, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';

/** The JSON result without the parts that name the run itself. */
function jsonOf(result: CliResult): unknown {
  expect(result.stderr).not.toMatch(/internal error/);
  return JSON.parse(result.stdout) as unknown;
}

describe('--shard and merge on the example', () => {
  let repo: TempRepo;
  let unsharded: CliResult;
  let shardFiles: string[];
  beforeAll(async () => {
    repo = copyExample();
    unsharded = await repo.run(['scan', '--format', 'json']);
    shardFiles = [];
    for (const index of [1, 2, 3]) {
      const result = await repo.run(['scan', '--format', 'json', '--shard', `${index}/3`]);
      const file = repo.path(`shard-${index}.json`);
      fs.writeFileSync(file, result.stdout);
      shardFiles.push(file);
    }
  });
  afterAll(() => repo.remove());

  it('splits the files between the shards, each once', () => {
    const scanned = shardFiles.map((file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { filesScanned: number }).filesScanned);
    expect(scanned.every((count) => count > 0)).toBe(true);
    expect(scanned.reduce((sum, count) => sum + count, 0)).toBe((jsonOf(unsharded) as { filesScanned: number }).filesScanned);
  });

  it('merges the shards into exactly the unsharded result', async () => {
    const merged = await repo.run(['merge', ...shardFiles]);
    expect(merged.status).toBe(unsharded.status);
    expect(merged.stdout).toBe(unsharded.stdout);
  });

  it('merges a sharded run too, patches included', async () => {
    const whole = await repo.run(['run', 'imports', '--format', 'json', '--no-verify']);
    const parts: string[] = [];
    for (const index of [1, 2]) {
      const file = repo.path(`run-${index}.json`);
      fs.writeFileSync(file, (await repo.run(['run', 'imports', '--format', 'json', '--no-verify', '--shard', `${index}/2`])).stdout);
      parts.push(file);
    }
    expect((await repo.run(['merge', ...parts])).stdout).toBe(whole.stdout);
  });

  it('renders the merged result in any scan format', async () => {
    const table = await repo.run(['merge', ...shardFiles, '--format', 'table']);
    expect(table.stdout).toBe((await repo.run(['scan'])).stdout);
  });

  it.each([
    ['a missing shard', () => shardFiles.slice(0, 2), /shard 3\/3 missing/],
    ['a shard given twice', () => [shardFiles[0]!, shardFiles[0]!, shardFiles[1]!], /shard 1\/3 is given twice/],
    ['an unsharded result', () => [...shardFiles, '__unsharded__'], /not the result of a sharded run/],
  ])('refuses %s with a one-line error and exit 2', async (_name, files, message) => {
    const given = files().map((file) => {
      if (file !== '__unsharded__') return file;
      fs.writeFileSync(repo.path('whole.json'), unsharded.stdout);
      return repo.path('whole.json');
    });
    const result = await repo.run(['merge', ...given]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toMatch(message);
  });

  it('refuses a shard of another tree, naming it', async () => {
    repo.write('src/added_later.ts', 'export const later = 1;\n');
    try {
      const other = await repo.run(['scan', '--format', 'json', '--shard', '2/3']);
      fs.writeFileSync(repo.path('other-2.json'), other.stdout);
      const result = await repo.run(['merge', shardFiles[0]!, repo.path('other-2.json'), shardFiles[2]!]);
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n')[0]).toContain(`${repo.path('other-2.json')}: shard 2/3 ran with another config or on another set of files than`);
    } finally {
      fs.rmSync(repo.path('src/added_later.ts'));
    }
  });

  it('names a file that is not a result', async () => {
    fs.writeFileSync(repo.path('junk.json'), '{"hello": 1}');
    const result = await repo.run(['merge', repo.path('junk.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${repo.path('junk.json')}: not the --format json output of scan or run`);
  });

  it.each(['0/3', '4/3', 'half', '1/0'])('refuses --shard %s', async (shard) => {
    const result = await repo.run(['scan', '--shard', shard]);
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
  async function expectCacheAgrees(): Promise<CliResult> {
    const cached = await repo.run(['scan', '--format', 'json', '--cache']);
    const fresh = await repo.run(['scan', '--format', 'json']);
    expect(jsonOf(cached)).toEqual(jsonOf(fresh));
    expect(cached.status).toBe(fresh.status);
    return cached;
  }

  it('reuses the results of unchanged files, and says so', async () => {
    expect((await repo.run(['scan', '--cache'])).stderr).not.toContain('unchanged since the cached scan');
    expect(fs.existsSync(repo.path('.ssot/cache/scan.json'))).toBe(true);
    expect(repo.read('.ssot/cache/.gitignore')).toBe('*\n');
    expect((await expectCacheAgrees()).stderr).toContain('(5 files unchanged since the cached scan)');
  });

  it('re-reads only the file that changed when nothing the phases know across files did', async () => {
    await repo.run(['scan', '--cache']);
    // Most files of a big repo: they name no module of the migration.
    repo.write('src/b.ts', 'export const b = 2;\n');
    expect((await expectCacheAgrees()).stderr).toContain('(4 files unchanged since the cached scan)');
  });

  it('sees a legacy import added to a file it had cached as clean', async () => {
    await repo.run(['scan', '--cache']);
    // The file becomes a consumer of the facade, which changes what phase 2 knows: a cold scan.
    repo.write('src/b.ts', "import './websocket_manager';\nconsole.log('b');\n");
    expect((await expectCacheAgrees()).stdout).toContain('src/b.ts');
  });

  it('sees a new barrel (a change to what the phases know across files)', async () => {
    await repo.run(['scan', '--cache']);
    repo.write('src/b.ts', "export * from './websocket_manager';\n");
    repo.write('src/d.ts', "import { WebSocketManager } from './b';\nexport const d = WebSocketManager;\n");
    const result = await expectCacheAgrees();
    expect(result.stdout).toContain('src/d.ts');
  });

  it('re-analyses every candidate when a file the type-aware phases look at changes', async () => {
    await repo.run(['scan', '--cache']);
    repo.write('src/b.ts', "import { WebSocketManager } from './websocket_manager';\nexport const b = WebSocketManager;\n");
    const result = await expectCacheAgrees();
    expect(result.stderr).not.toContain('unchanged since the cached scan');
  });

  it('sees the canonical module change and files come and go', async () => {
    await repo.run(['scan', '--cache']);
    repo.write('src/unified_manager.ts', 'export class UnifiedWebSocketManager {}\nexport class Extra {}\n');
    await expectCacheAgrees();
    fs.rmSync(repo.path('src/a.ts'));
    await expectCacheAgrees();
    repo.write('src/e.ts', "import { WebSocketManager } from './websocket_manager';\nexport const e = WebSocketManager;\n");
    expect((await expectCacheAgrees()).stdout).toContain('src/e.ts');
  });

  it('is not used or written without --cache', async () => {
    await repo.run(['scan']);
    expect(fs.existsSync(repo.path('.ssot/cache'))).toBe(false);
  });

  it('starts cold when the config changes', async () => {
    await repo.run(['scan', '--cache']);
    const config = JSON.parse(repo.read('ssot.config.json')) as { exclude?: string[] };
    repo.write('ssot.config.json', JSON.stringify({ ...config, exclude: ['src/c.ts'] }));
    const result = await expectCacheAgrees();
    expect(result.stderr).not.toContain('unchanged since the cached scan');
  });

  it('survives a corrupt cache file by starting cold', async () => {
    await repo.run(['scan', '--cache']);
    fs.writeFileSync(repo.path('.ssot/cache/scan.json'), '{"format": 1, "key": tru');
    await expectCacheAgrees();
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

  it('scans only the files that differ from the ref: committed, modified or untracked', async () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/b.ts', "import { WebSocketManager } from './websocket_manager';\nexport const b = WebSocketManager;\n");
    repo.commitAll('b imports the facade');
    repo.write('src/c.ts', "import { WebSocketManager } from './websocket_manager';\nexport const c = WebSocketManager;\n");
    const result = await repo.run(['scan', '--format', 'json', '--changed-since', 'HEAD~1']);
    const files = (jsonOf(result) as { files: Array<{ file: string }>; filesScanned: number }).files.map((file) => file.file);
    expect(files).toEqual(['src/b.ts', 'src/c.ts']);
    expect(result.stderr).toContain('scanning 2 files');
  });

  it('compares with the baseline entries of the files it scans only, and refuses to write a baseline or a history line', async () => {
    const whole = makeRepo(
      {
        ...smallRepoFiles(),
        'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = WebSocketManager;\n",
        'src/b.ts': 'export const b = 1;\n',
      },
      { git: true },
    );
    try {
      expect((await whole.run(['scan', '--update-baseline'])).status).toBe(0);
      whole.commitAll('baseline');
      whole.write('src/b.ts', "import { WebSocketManager } from './websocket_manager';\nexport const b = WebSocketManager;\n");
      const compared = await whole.run(['scan', '--changed-since', 'HEAD', '--baseline']);
      expect(compared.status).toBe(1);
      // src/a.ts was not scanned: its entry is neither stale nor fallen.
      expect(compared.stdout).toMatch(/src\/b\.ts/);
      expect(compared.stdout).not.toMatch(/src\/a\.ts/);
      const baselineBefore = whole.read('.ssot/baseline.json');
      const written = await whole.run(['scan', '--changed-since', 'HEAD', '--update-baseline']);
      expect(written.status).toBe(2);
      expect(written.stderr.split('\n')[0]).toBe('ssot-migrate: --update-baseline with --changed-since HEAD: the baseline counts every file and this scan reads only some; nothing written');
      expect(whole.read('.ssot/baseline.json')).toBe(baselineBefore);
      const recorded = await whole.run(['scan', '--shard', '1/2', '--record']);
      expect(recorded.status).toBe(2);
      expect(recorded.stderr.split('\n')[0]).toBe('ssot-migrate: --record with --shard 1/2: the history counts every file and this scan reads only some; nothing recorded');
      expect(fs.existsSync(whole.path('.ssot/history.jsonl'))).toBe(false);
    } finally {
      whole.remove();
    }
  });

  it('names a ref that does not exist', async () => {
    const result = await repo.run(['scan', '--changed-since', 'no-such-ref']);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^ssot-migrate: --changed-since no-such-ref: git rev-parse failed/);
  });

  it('works on a repo that is a subfolder of the git work tree', async () => {
    const service = Object.fromEntries(Object.entries(smallRepoFiles()).map(([file, text]) => [`service/${file}`, text]));
    const monorepo = makeRepo({ ...service, 'service/src/b.ts': 'export const b = 1;\n', 'other/x.ts': 'export const x = 1;\n' }, { git: true });
    try {
      const legacyImport = "import { WebSocketManager } from './websocket_manager';\nexport const b = WebSocketManager;\n";
      monorepo.write('service/src/b.ts', legacyImport);
      // Outside the repo: git reports it, the scan must not.
      monorepo.write('other/x.ts', legacyImport);
      const result = await runMain(['scan', '--format', 'json', '--changed-since', 'HEAD', '--repo', 'service'], { cwd: monorepo.root });
      expect((jsonOf(result) as { files: Array<{ file: string }> }).files.map((file) => file.file)).toEqual(['src/b.ts']);
    } finally {
      monorepo.remove();
    }
  });
});

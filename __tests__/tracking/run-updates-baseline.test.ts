// A phase's own write does not trip the ratchet: `run --write` moves an existing baseline by what
// the write changed (a reviewed diff), and says so; what rose before the run still fails.
import { copyExample, makeRepo, smallRepoFiles, SMALL_CONFIG, type TempRepo } from '../helpers/cli-repo';

describe('run --write on the example after the baseline was written', () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = copyExample({ git: true });
    expect((await repo.run(['run', 'imports', '--write', '--no-verify'])).status).toBe(0);
    expect((await repo.run(['scan', '--update-baseline'])).status).toBe(0);
    repo.commitAll('phase 1 and its baseline');
  });
  afterAll(() => repo.remove());

  it('leaves a baseline that the next scan passes, though consumers moved from facade-import to no-counterpart', async () => {
    const run = await repo.run(['run', 'facades', '--write', '--no-verify']);
    expect(run.stdout).toMatch(/^Baseline \.ssot\/baseline\.json updated to the counts after this run \(\d+ → \d+ violations\)$/m);
    const scan = await repo.run(['scan', '--baseline']);
    expect(scan.stdout).not.toMatch(/new violations?/);
    expect(scan.stdout).toContain('no count rose');
    expect(scan.status).toBe(0);
  });

  it('is put back by undo with the files, so the restored tree passes the restored baseline', async () => {
    const before = repo.read('.ssot/baseline.json');
    repo.commitAll('phase 2');
    expect((await repo.run(['run', 'signatures', '--write', '--no-verify'])).status).toBe(0);
    expect(repo.read('.ssot/baseline.json')).not.toBe(before);
    const undo = await repo.run(['undo']);
    expect(undo.status).toBe(0);
    expect(repo.git('status', '--porcelain')).toBe('');
    const scan = await repo.run(['scan', '--baseline']);
    expect(scan.status).toBe(0);
  });
});

/** A consumer the imports phase rewrites, and one whose only violation is manual (no counterpart). */
function smallRepo(): TempRepo {
  const config = { ...SMALL_CONFIG, legacy: [{ module: 'src/websocket_manager.ts', exports: { WebSocketManager: 'UnifiedWebSocketManager', legacyOnly: null } }] };
  return makeRepo(
    {
      ...smallRepoFiles(),
      'ssot.config.json': JSON.stringify(config, null, 2) + '\n',
      'src/websocket_manager.ts': "export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\nexport const legacyOnly = 1;\n",
      'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n",
    },
    { git: true },
  );
}

describe('run --write and the baseline on a small repo', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = smallRepo();
  });
  afterEach(() => repo.remove());

  it('does not absorb a count that had risen before the run', async () => {
    expect((await repo.run(['scan', '--update-baseline'])).status).toBe(0);
    repo.commitAll('baseline');
    // Added after the baseline, untouched by the run: the ratchet must still catch it.
    repo.write('src/b.ts', "import { legacyOnly } from './websocket_manager';\nexport const b = legacyOnly;\n");
    const run = await repo.run(['run', 'imports', '--write']);
    expect(run.stdout).toMatch(/^Baseline \.ssot\/baseline\.json updated/m);
    const scan = await repo.run(['scan', '--baseline']);
    expect(scan.status).toBe(1);
    expect(scan.stdout).toMatch(/src\/b\.ts +\[imports\/no-counterpart\] 0 → 1/);
    expect(scan.stdout).not.toMatch(/src\/a\.ts +\[/);
  });

  it('updates the file named by run --baseline FILE, and only that one', async () => {
    expect((await repo.run(['scan', '--update-baseline', 'ci/ratchet.json'])).status).toBe(0);
    repo.commitAll('baseline');
    const before = repo.read('ci/ratchet.json');
    expect(before).toContain('"src/a.ts"');
    const run = await repo.run(['run', 'imports', '--write', '--baseline', 'ci/ratchet.json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Baseline ci\/ratchet\.json updated/m);
    expect(repo.read('ci/ratchet.json')).not.toContain('"src/a.ts"');
    expect(() => repo.read('.ssot/baseline.json')).toThrow();
  });

  it('writes no baseline where none exists, and none on a dry run', async () => {
    const dry = await repo.run(['run', 'imports']);
    expect(dry.stdout).not.toMatch(/^Baseline/m);
    const run = await repo.run(['run', 'imports', '--write']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/^Baseline/m);
    expect(() => repo.read('.ssot/baseline.json')).toThrow();
  });

  it('leaves the baseline alone on a dry run', async () => {
    expect((await repo.run(['scan', '--update-baseline'])).status).toBe(0);
    const before = repo.read('.ssot/baseline.json');
    await repo.run(['run', 'imports']);
    expect(repo.read('.ssot/baseline.json')).toBe(before);
  });

  it('refuses a run --baseline FILE that does not exist before writing anything', async () => {
    const before = repo.snapshot();
    const run = await repo.run(['run', 'imports', '--write', '--baseline', 'missing.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ssot-migrate: .*missing\.json: no baseline file/m);
    expect(repo.snapshot()).toEqual(before);
  });
});

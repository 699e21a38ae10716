// `undo` reverts only what the last --write did: a --write that changed nothing is recorded as
// an empty run (so undo does not reach back to the run before it), undo names the run it
// reverts, and a run whose result was committed since is refused unless --force.
import { makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

const LEGACY = "import { WebSocketManager } from './websocket_manager';\nexport const a = WebSocketManager;\n";
const MIGRATED = "import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\nexport const a = WebSocketManager;\n";

describe('undo and the last --write', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY }, { git: true });
  });
  afterEach(() => repo.remove());

  it("a --write that changed nothing is the last run: undo has nothing to undo and leaves the earlier run's files", async () => {
    expect((await repo.run(['run', 'imports', '--write'])).status).toBe(0);
    expect(repo.read('src/a.ts')).toBe(MIGRATED);
    const second = await repo.run(['run', 'imports', '--write']);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^imports: 0 files changed/m);

    const undo = await repo.run(['undo']);
    expect(undo.status).toBe(0);
    expect(undo.stdout).toMatch(/^Nothing to undo: the last --write \(imports, \d{4}-\d\d-\d\dT[\d:.]+Z\) changed no file/);
    expect(repo.read('src/a.ts')).toBe(MIGRATED);
  });

  it('names the run it reverts: phase, time and files', async () => {
    expect((await repo.run(['run', 'imports', '--write'])).status).toBe(0);
    const undo = await repo.run(['undo']);
    expect(undo.status).toBe(0);
    expect(undo.stdout).toMatch(/^Undid imports \(\d{4}-\d\d-\d\dT[\d:.]+Z\): 1 file restored\n {2}src\/a\.ts\n/);
    expect(repo.read('src/a.ts')).toBe(LEGACY);
  });

  it('refuses a run whose files were committed since, naming the run and the files; --force reverts it', async () => {
    expect((await repo.run(['run', 'imports', '--write'])).status).toBe(0);
    repo.commitAll('migrate imports');
    const refused = await repo.run(['undo']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/imports \(\d{4}-.*Z\)/);
    expect(refused.stderr).toMatch(/src\/a\.ts are part of commit [0-9a-f]+ made since/);
    expect(refused.stderr).toContain('--force');
    expect(repo.read('src/a.ts')).toBe(MIGRATED);

    const forced = await repo.run(['undo', '--force']);
    expect(forced.status).toBe(0);
    expect(repo.read('src/a.ts')).toBe(LEGACY);
  });

  it('does not count a commit of other files as committing the run', async () => {
    expect((await repo.run(['run', 'imports', '--write'])).status).toBe(0);
    repo.write('notes.md', 'unrelated\n');
    repo.git('add', 'notes.md');
    repo.git('commit', '-q', '--no-verify', '-m', 'unrelated');
    const undo = await repo.run(['undo']);
    expect(undo.status).toBe(0);
    expect(repo.read('src/a.ts')).toBe(LEGACY);
  });
});

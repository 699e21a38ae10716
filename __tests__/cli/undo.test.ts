// Undo: every --write keeps a journal; `undo` restores the newest run exactly, without git, and
// refuses (naming the file) when a file changed since. The first case runs the binary, --write and
// undo each in a process of its own, as a user would; the others run in-process.
import { copyExample, makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

describe('undo on the example', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = copyExample();
  });
  afterAll(() => repo.remove());

  it('restores every file of the last --write exactly, without git', () => {
    const before = repo.snapshot();
    expect(repo.cli(['run', 'imports', '--write', '--no-verify']).status).toBe(0);
    expect(repo.snapshot()).not.toEqual(before);
    const undo = repo.cli(['undo']);
    expect(undo.status).toBe(0);
    expect(undo.stdout).toMatch(/^Undid imports \(.*\): 31 files restored/);
    const after = repo.snapshot();
    for (const [file, hash] of before) expect(`${file} ${after.get(file)}`).toBe(`${file} ${hash}`);
    expect([...after.keys()].filter((file) => !before.has(file) && !file.startsWith('.ssot/'))).toEqual([]);
  });

  it('says when there is nothing to undo', async () => {
    const result = await repo.run(['undo']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Nothing to undo');
  });

  it('refuses when a file changed since the run, naming it, and restores nothing', async () => {
    expect((await repo.run(['run', 'imports', '--write', '--no-verify'])).status).toBe(0);
    const edited = 'src/services/broadcast_service.ts';
    repo.write(edited, repo.read(edited) + '\n// edited after the run\n');
    const written = repo.snapshot();
    const result = await repo.run(['undo']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`changed since that run: ${edited}; nothing restored`);
    expect(repo.snapshot()).toEqual(written);
  });
});

describe('undo after several runs', () => {
  it('steps back one run at a time', async () => {
    const files = {
      ...smallRepoFiles(),
      // Not a re-export of the canonical module, so only the second config moves it.
      'src/old_alias.ts': "export const OldManager = 'old';\n",
      'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nimport { OldManager } from './old_alias';\nexport const a = [WebSocketManager, OldManager];\n",
    };
    const repo = makeRepo(files);
    try {
      const original = repo.snapshot();
      expect((await repo.run(['run', 'imports', '--write'])).status).toBe(0);
      const afterFirst = repo.snapshot();
      const second = { include: ['**/*.ts'], canonical: { module: 'src/unified_manager.ts' }, legacy: [{ module: 'src/old_alias.ts', exports: { OldManager: 'UnifiedWebSocketManager' } }] };
      repo.write('second.config.json', JSON.stringify(second));
      expect((await repo.run(['run', 'imports', '--write', '--config', repo.path('second.config.json')])).status).toBe(0);
      expect(repo.read('src/a.ts')).not.toContain('old_alias');

      expect((await repo.run(['undo'])).status).toBe(0);
      const afterUndo = repo.snapshot();
      for (const [file, hash] of afterFirst) expect(`${file} ${afterUndo.get(file)}`).toBe(`${file} ${hash}`);
      expect((await repo.run(['undo'])).status).toBe(0);
      const back = repo.snapshot();
      for (const [file, hash] of original) expect(`${file} ${back.get(file)}`).toBe(`${file} ${hash}`);
    } finally {
      repo.remove();
    }
  });
});

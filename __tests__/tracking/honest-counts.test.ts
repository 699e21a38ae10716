// The counts a reviewer acts on are true: a read-only file is not counted as changed, by --write
// or by the dry run. That `run` and `scan` count the same violations on the same tree, and that a
// dry run names exactly the manual items its write leaves, is checked on the whole migration of
// the example (__tests__/cli/all-phases-example.test.ts), which writes each phase once.
import fs from 'node:fs';
import { makeRepo, smallRepoFiles, summaryLine, type TempRepo } from '../helpers/cli-repo';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";

describe('a read-only file in a run', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, 'src/locked.ts': CONSUMER.replace('const a', 'const locked') }, { git: true });
    fs.chmodSync(repo.path('src/locked.ts'), 0o444);
  });
  afterEach(() => {
    fs.chmodSync(repo.path('src/locked.ts'), 0o644);
    repo.remove();
  });

  it('is not counted as changed by --write, and its violations stay in the after count', async () => {
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.status).toBe(1);
    expect(summaryLine(result.stdout)).toEqual({ files: 1, before: 2, after: 1, manual: 0 });
    expect(result.stdout).toMatch(/^Skipped \(1\):\n {2}src\/locked\.ts: read-only; not written$/m);
    expect(repo.read('src/locked.ts')).toBe(CONSUMER.replace('const a', 'const locked'));
  });

  it('is left out of the dry run too, so the diff stays what --write writes', async () => {
    const result = await repo.run(['run', 'imports']);
    expect(summaryLine(result.stdout)).toEqual({ files: 1, before: 2, after: 1, manual: 0 });
    expect(result.stdout).not.toContain('diff --git a/src/locked.ts');
    expect(result.stdout).toContain('diff --git a/src/a.ts');
  });
});

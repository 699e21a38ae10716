// Nothing is written outside the repo root: a symlinked file or folder inside the repo that
// points outside it is never written through, while the real files next to it are.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeRepo, runMain, smallRepoFiles, snapshotTree, type TempRepo } from '../helpers/cli-repo';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";

describe('symlinks pointing outside the repo', () => {
  let repo: TempRepo;
  let outside: string;
  let outsideBefore: Map<string, string>;
  let linkedRoot: string;

  beforeAll(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-outside-'));
    // Written so that, read through the links, they import the repo's legacy module.
    fs.writeFileSync(path.join(outside, 'linked_file.ts'), CONSUMER.replace('const a', 'const viaFileLink'));
    fs.mkdirSync(path.join(outside, 'folder'));
    fs.writeFileSync(path.join(outside, 'folder', 'inner.ts'), CONSUMER.replace("'./websocket_manager'", "'../websocket_manager'").replace('const a', 'const viaFolderLink'));
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER });
    fs.symlinkSync(path.join(outside, 'linked_file.ts'), repo.path('src/linked_file.ts'), 'file');
    fs.symlinkSync(path.join(outside, 'folder'), repo.path('src/linked_folder'), 'dir');
    outsideBefore = snapshotTree(outside);
    linkedRoot = `${repo.root}-link`;
    fs.symlinkSync(repo.root, linkedRoot, 'dir');
  });
  afterAll(() => {
    fs.rmSync(linkedRoot, { force: true });
    repo.remove();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('--write leaves the targets outside unchanged and the links in place', async () => {
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(snapshotTree(outside)).toEqual(outsideBefore);
    expect(fs.lstatSync(repo.path('src/linked_file.ts')).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(repo.path('src/linked_folder')).isSymbolicLink()).toBe(true);
    // The run did happen: the real file inside the repo was rewritten.
    expect(repo.read('src/a.ts')).toMatch(/from '\.\/unified_manager'/);
    expect(result.status).toBe(0);
  });

  it('a --repo reached through a symlink is still the repo: it writes inside it', async () => {
    fs.writeFileSync(repo.path('src/b.ts'), CONSUMER.replace('const a', 'const b'));
    const result = await runMain(['run', 'imports', '--write', '--repo', linkedRoot], { cwd: linkedRoot });
    expect(result.status).toBe(0);
    expect(repo.read('src/b.ts')).toMatch(/from '\.\/unified_manager'/);
    expect(snapshotTree(outside)).toEqual(outsideBefore);
  });
});

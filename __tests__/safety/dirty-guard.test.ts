// The dirty guard of --write sees into submodules, refuses to write when it cannot ask git,
// and outside git says that there is no such check and that `undo` is the way back.
import fs from 'node:fs';
import { changedPaths, git, makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

const CONSUMER = "import { WebSocketManager } from '../../src/websocket_manager';\nexport const a = WebSocketManager;\n";
const LEGACY = "import { WebSocketManager } from './websocket_manager';\nexport const a = WebSocketManager;\n";

describe('the dirty guard of --write', () => {
  const repos: TempRepo[] = [];
  const repo = (files: Record<string, string>, git: boolean): TempRepo => {
    const made = makeRepo(files, { git });
    repos.push(made);
    return made;
  };
  afterEach(() => repos.splice(0).forEach((made) => made.remove()));

  it('refuses an uncommitted edit inside a submodule like any other', async () => {
    const library = repo({ 'src/consumer.ts': CONSUMER }, true);
    const app = repo(smallRepoFiles(), true);
    git(app.root, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', library.root, 'lib');
    app.git('commit', '-q', '--no-verify', '-m', 'the library as a submodule');
    app.write('lib/src/consumer.ts', CONSUMER + '// work in progress\n');
    const before = app.snapshot();

    const result = await app.run(['run', 'imports', '--write']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/uncommitted changes: lib\/src\/consumer\.ts/);
    expect(changedPaths(before, app.snapshot())).toEqual([]);
  });

  it('refuses to write when git status fails', async () => {
    const broken = repo({ ...smallRepoFiles(), 'src/a.ts': LEGACY }, true);
    fs.writeFileSync(broken.path('.git/index'), 'not an index');
    const before = broken.snapshot();

    const result = await broken.run(['run', 'imports', '--write']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot check for uncommitted changes: git status failed/);
    expect(result.stderr).toContain('--allow-dirty');
    expect(changedPaths(before, broken.snapshot())).toEqual([]);
  });

  it('outside git, warns that there is no dirty check and that undo is the way back', async () => {
    const plain = repo({ ...smallRepoFiles(), 'src/a.ts': LEGACY }, false);
    const result = await plain.run(['run', 'imports', '--write']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: .* is not in a git work tree: --write cannot check for uncommitted changes; `ssot-migrate undo` is the way back/);
  });
});

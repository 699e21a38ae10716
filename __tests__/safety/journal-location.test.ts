// The undo journal lives where no tool scans it: under the git directory in a git repo, and
// outside git in .ssot/journal with no file named like a source (test runners and linters that
// walk dot-folders would otherwise pick the before-copies up as code).
import fs from 'node:fs';
import path from 'node:path';
import { makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

const LEGACY = (name: string) => `import { WebSocketManager } from './websocket_manager';\nexport const ${name} = WebSocketManager;\n`;

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('where --write keeps its journal', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('in a git repo: under the git directory, nothing in the work tree', async () => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY('a'), 'src/b.test.ts': LEGACY('b') }, { git: true });
    expect((await repo.run(['run', 'imports', '--write'])).status).toBe(0);
    expect(fs.existsSync(repo.path('.ssot'))).toBe(false);
    expect(repo.git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).sort()).toEqual([' M src/a.ts', ' M src/b.test.ts']);
    const journal = filesUnder(repo.path('.git/ssot-migrate/journal'));
    expect(journal.some((file) => file.endsWith('manifest.json'))).toBe(true);

    expect((await repo.run(['undo'])).status).toBe(0);
    expect(repo.read('src/a.ts')).toBe(LEGACY('a'));
    expect(repo.read('src/b.test.ts')).toBe(LEGACY('b'));
  });

  it('outside git: in .ssot/journal, the before-copies under names no tool takes for code', async () => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY('a'), 'src/b.test.ts': LEGACY('b') });
    expect((await repo.run(['run', 'imports', '--write'])).status).toBe(0);
    const journal = filesUnder(repo.path('.ssot/journal')).map((file) => path.relative(repo.path('.ssot/journal'), file));
    expect(journal.length).toBeGreaterThan(0);
    expect(journal.filter((file) => /\.[cm]?[jt]sx?$/.test(file))).toEqual([]);

    expect((await repo.run(['undo'])).status).toBe(0);
    expect(repo.read('src/a.ts')).toBe(LEGACY('a'));
    expect(repo.read('src/b.test.ts')).toBe(LEGACY('b'));
  });
});

// --patch names files exactly as git does: a name with a tab, a newline, a quote, a backslash or a
// non-ASCII letter is C-quoted with escapes (core.quotePath), a name with a space ends its ---/+++
// line with a tab; `git apply` accepts the patch and gives what --write gives.
import fs from 'node:fs';
import { git, makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';
import { quotePath } from '../../src/engine/patch';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";
const ODD_NAMES = ['src/tab\there.ts', 'src/new\nline.ts', 'src/quo"te.ts', 'src/back\\slash.ts', 'src/ünïcödé.ts', 'src/sp ace.ts', 'src/plain.ts'];

/** The header lines of every file section: `diff --git`, `---`, `+++` (not git's `index` line). */
function headers(patch: string): string[] {
  return patch.split('\n').filter((line) => /^(diff --git |--- |\+\+\+ )/.test(line));
}

describe('--patch with file names git has to quote', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo({ ...smallRepoFiles(), ...Object.fromEntries(ODD_NAMES.map((name) => [name, CONSUMER])) }, { git: true });
  });
  afterAll(() => repo.remove());

  it('is accepted by git apply --check and names each file as git diff does', async () => {
    const dry = await repo.run(['run', 'imports', '--patch', 'odd.patch']);
    expect(dry.stderr).not.toMatch(/internal error/);
    const patch = fs.readFileSync(repo.path('odd.patch'), 'utf8');
    expect(headers(patch).filter((line) => line.startsWith('diff --git'))).toHaveLength(ODD_NAMES.length);
    git(repo.root, 'apply', '--check', 'odd.patch');

    // git's own diff of the same change is the reference for every header line.
    fs.rmSync(repo.path('odd.patch'));
    expect((await repo.run(['run', 'imports', '--write'])).status).toBe(0);
    const gitDiff = git(repo.root, '-c', 'core.quotePath=true', 'diff', '--no-color', '--no-ext-diff');
    const sections = (text: string) =>
      headers(text)
        .join('\n')
        .split(/\n(?=diff --git )/)
        .sort();
    expect(sections(patch)).toEqual(sections(gitDiff));
  });

  it('applies to the tree it came from, giving what --write gave', async () => {
    const written = new Map(ODD_NAMES.map((name) => [name, repo.read(name)]));
    git(repo.root, 'stash', '--quiet');
    try {
      const result = await repo.run(['run', 'imports', '--patch', '../odd-again.patch']);
      expect(result.status).toBe(0);
      git(repo.root, 'apply', '../odd-again.patch');
      for (const [name, text] of written) expect(repo.read(name)).toBe(text);
    } finally {
      fs.rmSync(repo.path('../odd-again.patch'), { force: true });
    }
  });
});

describe('quotePath', () => {
  it.each([
    ['a/plain.ts', 'a/plain.ts'],
    ['a/sp ace.ts', 'a/sp ace.ts'],
    ['a/tab\there.ts', '"a/tab\\there.ts"'],
    ['a/new\nline.ts', '"a/new\\nline.ts"'],
    ['a/quo"te.ts', '"a/quo\\"te.ts"'],
    ['a/back\\slash.ts', '"a/back\\\\slash.ts"'],
    ['a/ü.ts', '"a/\\303\\274.ts"'],
    ['a/bell\u0007\u007f.ts', '"a/bell\\a\\177.ts"'],
  ])('%j → %s', (name, quoted) => {
    expect(quotePath(name)).toBe(quoted);
  });
});

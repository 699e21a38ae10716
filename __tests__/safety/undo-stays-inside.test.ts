// `undo` restores only inside the repo: every journal entry is checked before anything is
// restored (a relative path inside the repo, no `..`, not absolute, not through a symlink, its
// before-copy present), and one bad entry means exit 2 with nothing restored.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TempRepo } from '../helpers/cli-repo';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

interface CraftedEntry {
  file: string;
  /** The content the entry says the file had before the run; its copy is written unless `noCopy`. */
  before: string;
  /** The content the entry says the run wrote. */
  after: string;
  noCopy?: boolean;
}

/** A repo at <base>/repo (so `../x/y` is <base>/x/y) with a non-git journal crafted by hand. */
class Scene {
  readonly base = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-undo-inside-'));
  readonly repo = new TempRepo(path.join(this.base, 'repo'));

  constructor() {
    this.repo.write('src/a.ts', 'export const a = 2;\n');
    this.repo.write('src/b.ts', 'export const b = 2;\n');
    this.outside('x/y', 'outside, as the run left it\n');
  }

  outside(file: string, content?: string): string {
    const absolute = path.join(this.base, file);
    if (content !== undefined) {
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      fs.writeFileSync(absolute, content);
    }
    return fs.readFileSync(absolute, 'utf8');
  }

  /** A complete run whose entries are as given, each before-copy where the journal keeps it. */
  journal(entries: CraftedEntry[]): void {
    const folder = path.join(this.repo.root, '.ssot', 'journal', '2026-01-01T00-00-00-000Z-imports');
    for (const entry of entries) {
      if (entry.noCopy) continue;
      const copy = path.join(folder, 'before', entry.file);
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.writeFileSync(copy, entry.before);
    }
    const manifest = {
      id: path.basename(folder),
      phase: 'imports',
      time: '2026-01-01T00:00:00.000Z',
      state: 'complete',
      entries: entries.map((entry) => ({ file: entry.file, before: hash(entry.before), after: hash(entry.after) })),
    };
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  }

  remove(): void {
    fs.rmSync(this.base, { recursive: true, force: true });
  }
}

const VALID_A: CraftedEntry = { file: 'src/a.ts', before: 'export const a = 1;\n', after: 'export const a = 2;\n' };
const VALID_B: CraftedEntry = { file: 'src/b.ts', before: 'export const b = 1;\n', after: 'export const b = 2;\n' };

describe('undo refuses a journal entry that leads out of the repo, restoring nothing', () => {
  let scene: Scene;
  beforeEach(() => {
    scene = new Scene();
  });
  afterEach(() => scene.remove());

  async function expectRefusal(reason: RegExp, file: string): Promise<void> {
    const before = scene.repo.snapshot();
    const result = await scene.repo.run(['undo']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toMatch(/nothing restored/);
    expect(scene.repo.snapshot()).toEqual(before);
    expect(scene.outside('x/y')).toBe('outside, as the run left it\n');
  }

  it('an entry ../x/y', async () => {
    scene.journal([VALID_A, { file: '../x/y', before: 'planted\n', after: 'outside, as the run left it\n' }]);
    await expectRefusal(/leads out of the repo/, '../x/y');
  });

  it('an absolute path', async () => {
    const absolute = path.join(scene.base, 'x', 'y');
    scene.journal([VALID_A, { file: absolute, before: 'planted\n', after: 'outside, as the run left it\n' }]);
    await expectRefusal(/absolute/, absolute);
  });

  it('a path through a symlinked folder', async () => {
    fs.symlinkSync(path.join(scene.base, 'x'), scene.repo.path('linked'), 'dir');
    scene.journal([VALID_A, { file: 'linked/y', before: 'planted\n', after: 'outside, as the run left it\n' }]);
    await expectRefusal(/symlink/, 'linked/y');
  });

  it('an entry whose before-copy is missing', async () => {
    scene.journal([VALID_B, { ...VALID_A, noCopy: true }]);
    await expectRefusal(/before-copy/, 'src/a.ts');
  });

  it('while a journal of valid entries is restored', async () => {
    scene.journal([VALID_A, VALID_B]);
    const result = await scene.repo.run(['undo']);
    expect(result.status).toBe(0);
    expect(scene.repo.read('src/a.ts')).toBe(VALID_A.before);
    expect(scene.repo.read('src/b.ts')).toBe(VALID_B.before);
  });
});

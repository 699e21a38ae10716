// Phases 1 and 2 reach the same tree in either order: imports then facades, or facades then
// imports. A team that runs them out of order, or runs one again after the other, gets the same
// migration, so the order a reviewer saw the diffs in never changes the result. Phase 1 points a
// barrel's importers past it; phase 2, run after it, reads the undo journal to know the barrel
// had importers, and deletes it as it would have run first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from '../helpers/cli-repo';
import { applyPhase, crossFileCases, FIXTURES_ROOT, treeOf } from '../helpers/phase-fixtures';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'websocket-core');

const repos: Array<[string, string]> = [
  ['the example', EXAMPLE],
  ...crossFileCases('facades').map((name): [string, string] => [`facades case ${name}`, path.join(FIXTURES_ROOT, 'facades', name, 'input')]),
];

function copyOf(source: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-order-'));
  fs.cpSync(source, root, { recursive: true });
  return root;
}

describe.each(repos)('%s', (_name, source) => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it('ends in the same tree whichever of imports and facades runs first', () => {
    const importsFirst = copyOf(source);
    const facadesFirst = copyOf(source);
    roots.push(importsFirst, facadesFirst);
    applyPhase('imports', importsFirst);
    applyPhase('facades', importsFirst);
    applyPhase('facades', facadesFirst);
    applyPhase('imports', facadesFirst);
    expect(treeOf(facadesFirst)).toEqual(treeOf(importsFirst));
  });
});

describe('a barrel whose importers phase 1 pointed past it, in a git repo', () => {
  it('is deleted by phase 2 run after it, from the journal kept under .git, after a commit too', () => {
    const root = copyOf(path.join(FIXTURES_ROOT, 'facades', 'reexport-chain', 'input'));
    try {
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      git(root, 'commit', '-q', '-m', 'before');
      applyPhase('imports', root);
      git(root, 'commit', '-q', '-am', 'phase 1');
      expect(fs.existsSync(path.join(root, '.ssot'))).toBe(false);
      expect(applyPhase('facades', root)).toContain('src/core/outer.ts');
      expect(fs.existsSync(path.join(root, 'src/core/outer.ts'))).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a barrel whose importers phase 1 pointed past it', () => {
  const source = path.join(FIXTURES_ROOT, 'facades', 'reexport-chain', 'input');

  it('is deleted by phase 2 run after it, and kept in the same tree with no journal to say it had importers', () => {
    const journaled = copyOf(source);
    const unjournaled = copyOf(source);
    try {
      // Both orders have work to do here, so the order could matter.
      expect(applyPhase('imports', journaled)).toEqual(['src/api/routes.ts', 'src/app.ts']);
      expect(applyPhase('facades', journaled)).toContain('src/core/outer.ts');
      expect(fs.existsSync(path.join(journaled, 'src/core/outer.ts'))).toBe(false);
      // The same tree as phase 1 left it, with no journal: nothing says outer.ts had importers.
      for (const [file, text] of treeOf(journaled)) if (file.startsWith('src/api') || file === 'src/app.ts') fs.writeFileSync(path.join(unjournaled, file), text);
      applyPhase('facades', unjournaled);
      expect(fs.existsSync(path.join(unjournaled, 'src/core/outer.ts'))).toBe(true);
      expect(fs.existsSync(path.join(journaled, '.ssot', 'journal'))).toBe(true);
    } finally {
      fs.rmSync(journaled, { recursive: true, force: true });
      fs.rmSync(unjournaled, { recursive: true, force: true });
    }
  });
});

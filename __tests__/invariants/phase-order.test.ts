// Phases 1 and 2 reach the same tree in either order: imports then facades, or facades then
// imports. A team that runs them out of order, or runs one again after the other, gets the same
// migration, so the order a reviewer saw the diffs in never changes the result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPhase, treeOf } from '../helpers/phase-fixtures';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'websocket-core');

// A barrel chain is not here: phase 1 points a barrel's importers past it, and phase 2 then keeps
// a facade nothing imports (it may be an entry point used from outside) where, run first, it
// deletes it. MIGRATION.md says so.
const repos: Array<[string, string]> = [['the example', EXAMPLE]];

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
    const changedByImports = applyPhase('imports', importsFirst);
    applyPhase('facades', importsFirst);
    const changedByFacades = applyPhase('facades', facadesFirst);
    applyPhase('imports', facadesFirst);
    // Both phases have work to do here, so the order can matter.
    expect(changedByImports.length).toBeGreaterThan(0);
    expect(changedByFacades.length).toBeGreaterThan(0);
    expect(treeOf(facadesFirst)).toEqual(treeOf(importsFirst));
  });
});

import { readModuleRecord } from '../../src/engine/module-records';
import { mayHandOnImports } from '../../transforms/shared/module-exports';

describe('module records', () => {
  it('lists imports with the export each binding names', () => {
    const record = readModuleRecord('a.ts', "import type { A } from './a';\nimport B, * as ns from './b';\nimport { c as d } from 'pkg';\n");
    expect(record?.imports).toEqual([
      { specifier: './a', bindings: [{ imported: 'A', local: 'A', typeOnly: true }] },
      {
        specifier: './b',
        bindings: [
          { imported: 'default', local: 'B', typeOnly: false },
          { imported: '*', local: 'ns', typeOnly: false },
        ],
      },
      { specifier: 'pkg', bindings: [{ imported: 'c', local: 'd', typeOnly: false }] },
    ]);
  });

  it('says where each export comes from, imports exported again included (in no promised order)', () => {
    const record = readModuleRecord(
      'barrel.ts',
      [
        "import B, * as ns from './b';",
        "import { helper } from './helpers';",
        "export * from './c';",
        "export * as z from './d';",
        "export { x as y, type Q } from './e';",
        'export { helper as tool, ns as N };',
        'export default B;',
        'export const own = 1;',
        'export interface Shape {}',
      ].join('\n'),
    );
    const byName = (a: { exported?: string }, b: { exported?: string }): number => (a.exported ?? '').localeCompare(b.exported ?? '');
    expect([...(record?.exports ?? [])].sort(byName)).toEqual(
      [
        { exported: undefined, from: { specifier: './c', imported: '*' }, typeOnly: false },
        { exported: 'z', from: { specifier: './d', imported: '*' }, typeOnly: false },
        { exported: 'y', from: { specifier: './e', imported: 'x' }, typeOnly: false },
        { exported: 'Q', from: { specifier: './e', imported: 'Q' }, typeOnly: true },
        { exported: 'tool', from: { specifier: './helpers', imported: 'helper' }, local: 'helper', typeOnly: false },
        { exported: 'N', from: { specifier: './b', imported: '*' }, local: 'ns', typeOnly: false },
        { exported: 'default', from: { specifier: './b', imported: 'default' }, local: 'B', typeOnly: false },
        { exported: 'own', local: 'own', typeOnly: false },
        { exported: 'Shape', local: 'Shape', typeOnly: true },
      ].sort(byName),
    );
  });

  it('names the export an import binding stands for when the import is exported again', () => {
    const record = readModuleRecord('index.ts', "import Old from './legacy';\nimport { a as b } from './x';\nexport { Old as Current, b as c };\n");
    expect(record?.exports).toEqual(
      expect.arrayContaining([
        { exported: 'Current', from: { specifier: './legacy', imported: 'default' }, local: 'Old', typeOnly: false },
        { exported: 'c', from: { specifier: './x', imported: 'a' }, local: 'b', typeOnly: false },
      ]),
    );
  });

  it('tells a module that hands imports on from one that only declares', () => {
    const declaresOnly = readModuleRecord('tool.tsx', "import { format } from '@lib/core';\nconst View = () => <p>{format(1)}</p>;\nexport default View;\nexport { View as Widget };\n");
    expect(mayHandOnImports(declaresOnly)).toBe(false);
    expect(mayHandOnImports(readModuleRecord('index.ts', "import { format } from '@lib/core';\nexport default format;\n"))).toBe(true);
    // Babel reads `(Old)` as the identifier: a re-export the full parse must see.
    expect(mayHandOnImports(readModuleRecord('barrel.ts', "import Old from './legacy';\nexport default (Old);\n"))).toBe(true);
  });

  it('gives no record for a file that does not parse, so callers parse it themselves', () => {
    expect(readModuleRecord('broken.ts', 'export { a from;')).toBeUndefined();
    expect(mayHandOnImports(undefined)).toBe(true);
  });

  it('reads a declaration file and a CommonJS file by their kind', () => {
    expect(readModuleRecord('types.d.ts', "export declare function f(): void;\nexport * from './more';\n")?.exports.map((entry) => entry.exported)).toEqual(['f', undefined]);
    expect(readModuleRecord('legacy.cjs', "const core = require('./core');\nmodule.exports = core;\n")).toEqual({ imports: [], exports: [] });
  });
});

// The module references of a file: every place code names a module, however deep it stands,
// and no string that only looks like a path.
import type { ASTNode } from 'jscodeshift';
import { findModuleReferences } from '../../transforms/shared/module-references';
import { jscodeshiftFor, parseSyntax } from '../../src/engine/parsers';

function referencesIn(file: string, source: string) {
  const j = jscodeshiftFor(file);
  return findModuleReferences(j(parseSyntax(file, source) as unknown as ASTNode), source).map(({ kind, specifier, line }) => [kind, specifier, line]);
}

describe('findModuleReferences', () => {
  it('finds each kind of reference at any depth, in source order', () => {
    const source = [
      "import { a } from './a';",
      "export { b } from './b';",
      "export * from './c';",
      "import legacy = require('./d');",
      "declare module './e' {",
      '  interface Extra {}',
      '}',
      'export class Loader {',
      '  async load(): Promise<Array<import("./f").Item>> {',
      '    const helpers = { path: require.resolve("./g"), make: () => import("./h") };',
      '    if (helpers) {',
      '      return [(await import(`./not-static`)) as never, require("./i")];',
      '    }',
      '    return [];',
      '  }',
      '}',
      "describe('loader', () => {",
      '  beforeEach(() => {',
      "    jest.mock('./j');",
      "    vi.doMock('./k', () => ({}));",
      '  });',
      "  it('reads', () => expect(load('./not-a-reference')).toBe(1));",
      '});',
      '',
    ].join('\n');
    expect(referencesIn('src/loader.ts', source)).toEqual([
      ['import', './a', 1],
      ['export', './b', 2],
      ['export-all', './c', 3],
      ['import-equals', './d', 4],
      ['augmentation', './e', 5],
      ['import-type', './f', 9],
      ['mock', './g', 10],
      ['dynamic-import', './h', 10],
      ['require', './i', 12],
      ['mock', './j', 19],
      ['mock', './k', 20],
    ]);
  });

  it('finds nothing in a file that names no module', () => {
    expect(referencesIn('src/plain.ts', "export const path = './a';\nexport function run() { return load('./b'); }\n")).toEqual([]);
  });
});

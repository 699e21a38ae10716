import { jscodeshiftFor } from '../../src/engine/parsers';

describe('a parser per file kind', () => {
  it.each([
    ['a.ts', "import type { A } from './a';\nexport const b = <const>['x'];\nenum E { A }\n"],
    ['a.tsx', "import { x } from './x';\nexport const view = <div>{x}</div>;\n"],
    ['a.d.ts', "declare module 'legacy' {\n  export function f(): void;\n}\ndeclare const g: number;\nexport = g;\n"],
    ['a.mts', "import x from './x.mjs';\nexport default x satisfies unknown;\n"],
    ['a.cts', "import x = require('./x');\nexport = x;\n"],
    ['a.js', "import x from './x';\nexport const view = <span />;\n"],
    ['a.jsx', 'export const view = <span>{1}</span>;\n'],
    ['a.mjs', "export { x } from './x.mjs';\nawait Promise.resolve();\n"],
    ['a.cjs', "const x = require('./x');\nmodule.exports = x;\n"],
    ['decorated.ts', '@Injectable()\nexport class Service {\n  @Input() name = "";\n}\n'],
  ])('parses %s and prints it back unchanged', (file, source) => {
    const root = jscodeshiftFor(file)(source);
    expect(root.toSource()).toBe(source);
  });

  it('refuses TypeScript syntax in a .js file', () => {
    expect(() => jscodeshiftFor('a.js')('const x: number = 1;')).toThrow();
  });
});

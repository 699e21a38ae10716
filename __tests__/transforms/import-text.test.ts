// Imports edited as text: a merged name keeps the import's layout, a new import is ended like the
// file's lines, and a removed import or name takes its line and comma, never a comment.
import type { ASTNode } from 'jscodeshift';
import { jscodeshiftFor, parseSyntax } from '../../src/engine/parsers';
import { TextEdits } from '../../src/phase-api/text-edits';
import type { FileContext } from '../../src/phase-api/define-phase';
import type { Ranged } from '../../transforms/shared/ast-edits';
import { addImportSpecifier, importDeclarationText, insertImportStatement, removeImportSpecifiers, topLevelImports } from '../../transforms/shared/import-text';

function fileOf(source: string): FileContext {
  const j = jscodeshiftFor('a.ts');
  return { file: 'a.ts', source, j, root: j(parseSyntax('a.ts', source) as unknown as ASTNode), edits: new TextEdits(source), touched: [] };
}

/** The import from `module` and its specifiers by local name. */
function importOf(file: FileContext, module: string): { node: Ranged; byName: (name: string) => Ranged } {
  const node = topLevelImports(file).find((item) => (item as { source?: { value?: string } }).source?.value === module)!;
  const specifiers = (node as unknown as { specifiers: Array<Ranged & { local: { name: string } }> }).specifiers;
  return { node, byName: (name) => specifiers.find((specifier) => specifier.local.name === name)! };
}

describe('merging a name into an import', () => {
  it.each([
    ['one line', `import { a } from "./m"\n`, `import { a, b } from "./m"\n`],
    ['one line with a trailing comma', `import { a, } from './m';\n`, `import { a, b, } from './m';\n`],
    ['a default import', `import D from './m';\n`, `import D, { b } from './m';\n`],
    ['one name per line, trailing comma', `import {\n  a,\n  c, // note\n} from './m';\n`, `import {\n  a,\n  c, // note\n  b,\n} from './m';\n`],
    ['one name per line, no trailing comma, CRLF', `import {\r\n\ta,\r\n\tc\r\n} from './m';\r\n`, `import {\r\n\ta,\r\n\tc,\r\n\tb\r\n} from './m';\r\n`],
  ])('%s', (_layout, source, expected) => {
    const file = fileOf(source);
    addImportSpecifier(file, importOf(file, './m').node, 'b');
    expect(file.edits.apply()).toBe(expected);
  });

  it('goes after the last kept name when the last one is removed', () => {
    const file = fileOf(`import {\n  a,\n  old\n} from './m';\nuse(a);\n`);
    const { node, byName } = importOf(file, './m');
    removeImportSpecifiers(file, node, new Set([byName('old')]));
    addImportSpecifier(file, node, 'b');
    expect(file.edits.apply()).toBe(`import {\n  a,\n  b\n} from './m';\nuse(a);\n`);
  });
});

describe('a new import', () => {
  it("is written with the last import's quotes and semicolon, after it, in the file's line terminator", () => {
    const file = fileOf(`import a from "./a" // note\r\n\r\nuse(a)\r\n`);
    insertImportStatement(file, importDeclarationText(file, ['b'], './b'));
    expect(file.edits.apply()).toBe(`import a from "./a" // note\r\nimport { b } from "./b"\r\n\r\nuse(a)\r\n`);
  });

  it('goes below a header set apart by a blank line in a file without imports', () => {
    const file = fileOf(`// Header.\n\nexport const x = 1;\n`);
    insertImportStatement(file, importDeclarationText(file, ['b'], './b'));
    expect(file.edits.apply()).toBe(`// Header.\n\nimport { b } from './b';\n\nexport const x = 1;\n`);
  });
});

describe('removing imports', () => {
  it('removes the whole line of an import left empty and keeps the comment above it', () => {
    const file = fileOf(`import x from './x';\n// About old.\nimport { old } from './m';\n\nuse(x);\n`);
    const { node, byName } = importOf(file, './m');
    removeImportSpecifiers(file, node, new Set([byName('old')]));
    expect(file.edits.apply()).toBe(`import x from './x';\n// About old.\n\nuse(x);\n`);
  });

  it.each([
    ['first of one line', `import { old, a } from './m';\n`, ['old'], `import { a } from './m';\n`],
    ['last two of one line', `import { a, old, older } from './m';\n`, ['old', 'older'], `import { a } from './m';\n`],
    ['a line of its own', `import {\n  old,\n  a,\n} from './m';\n`, ['old'], `import {\n  a,\n} from './m';\n`],
    ['the last line, no trailing comma', `import {\n  a,\n  old\n} from './m';\n`, ['old'], `import {\n  a\n} from './m';\n`],
    ['every named one beside a default', `import D, { old } from './m';\n`, ['old'], `import D from './m';\n`],
    ['the default beside named ones', `import old, { a } from './m';\n`, ['old'], `import { a } from './m';\n`],
  ])('takes its comma with it: %s', (_case, source, names, expected) => {
    const file = fileOf(source);
    const { node, byName } = importOf(file, './m');
    removeImportSpecifiers(file, node, new Set(names.map(byName)));
    expect(file.edits.apply()).toBe(expected);
  });
});

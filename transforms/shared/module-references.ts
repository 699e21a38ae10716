// Finds every place a file names another module in code: ES imports and re-exports, require,
// import(), `import x = require()`, `import('…').T` types, and module paths handed to test
// mocks. Strings anywhere else are data, not references. Detection and rewriting both start here.
import type { ASTPath, Collection, StringLiteral } from 'jscodeshift';
import { holdsAnyOffset, offsetsOf, SKIPPED_KEYS } from './plain-walk.js';

export type ReferenceKind =
  | 'import'
  | 'export'
  | 'export-all'
  | 'require'
  | 'dynamic-import'
  | 'import-equals'
  | 'import-type'
  | 'mock'
  /** `declare module '…' { … }`: a module augmentation, which names a module without importing it. */
  | 'augmentation';

export interface ModuleReference {
  kind: ReferenceKind;
  specifier: string;
  literal: ASTPath<StringLiteral>;
  /** The declaration or call that holds the literal. */
  owner: ASTPath;
  line: number;
  column: number;
}

/**
 * How a finding names the reference: its kind, or `require.resolve` for that call, which is
 * planned like a mock's path (the path moves, no binding) but mocks nothing.
 */
export function referenceLabel(reference: ModuleReference): string {
  return isRequireResolve(reference) ? 'require.resolve' : reference.kind;
}

/** `require.resolve(path)`: a module path looked up, not loaded. */
export function isRequireResolve(reference: ModuleReference): boolean {
  const callee = (reference.owner.node as { callee?: { type: string; object?: { name?: string }; property?: { name?: string } } }).callee;
  return reference.kind === 'mock' && callee?.type === 'MemberExpression' && callee.object?.name === 'require' && callee.property?.name === 'resolve';
}

/** `jest.mock(path)`, `vi.mock(path)` and friends take a module path as their first argument. */
export const MOCK_OBJECTS = new Set(['jest', 'vi']);
const MOCK_METHODS = new Set(['mock', 'doMock', 'unmock', 'dontMock', 'setMock', 'requireActual', 'requireMock', 'createMockFromModule', 'importActual', 'importMock']);

/**
 * The words one of which every reference's declaration or call is written with (`import`,
 * `export … from`, `require`, `declare module`, `jest.mock`, `vi.mock`): a subtree whose text has
 * none holds no reference.
 */
const REFERENCE_WORDS = /\b(?:import|export|require|module|jest|vi)\b/g;

/**
 * The module references of a file: `root` is its Babel tree and `source` the text whose offsets
 * it holds (not recast's tree, whose offsets index a copy with tabs expanded; see parseSyntaxTree).
 */
export function findModuleReferences(root: Collection, source: string): ModuleReference[] {
  const references: ModuleReference[] = [];
  const file = root.paths()[0];
  if (!file) return references;
  // The tree is walked as plain objects, and a path is made only for a string that stands where
  // a module path can: a visitor would make one for every node of the file.
  const words = offsetsOf(source, REFERENCE_WORDS);
  if (words.length === 0) return references;
  forEachStringLiteral(file.node, [], words, (keys) => {
    const literal = keys.reduce<ASTPath>((path, key) => path.get(key) as ASTPath, file) as ASTPath<StringLiteral>;
    const kind = referenceKind(literal);
    if (!kind) return;
    const owner = kind === 'import-type' ? ownerOfImportType(literal) : literal.parent;
    const start = literal.node.loc?.start;
    references.push({ kind, specifier: literal.node.value, literal, owner, line: start?.line ?? 0, column: (start?.column ?? 0) + 1 });
  });
  return references;
}

/** Parents under which a string literal may name a module (see referenceKind). */
const REFERENCE_PARENTS = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportAllDeclaration',
  'TSExternalModuleReference',
  'TSModuleDeclaration',
  'TSImportType',
  'TSLiteralType',
  'CallExpression',
  'ImportExpression',
]);

/**
 * Calls `found` with the key path of every string literal whose parent is a REFERENCE_PARENTS
 * node, in source order, below the nodes whose text holds one of `words` (see REFERENCE_WORDS).
 * `keys` is the path to `node`, extended and restored in place: a copy is made only for a
 * literal found.
 */
function forEachStringLiteral(node: object, keys: Array<string | number>, words: readonly number[], found: (keys: Array<string | number>) => void): void {
  const parentType = (node as { type?: unknown }).type as string;
  for (const key of Object.keys(node)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as Record<string, unknown>)[key];
    keys.push(key);
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        keys.push(index);
        visitChild(item, parentType, keys, words, found);
        keys.pop();
      });
    } else {
      visitChild(value, parentType, keys, words, found);
    }
    keys.pop();
  }
}

function visitChild(child: unknown, parentType: string, keys: Array<string | number>, words: readonly number[], found: (keys: Array<string | number>) => void): void {
  if (!child || typeof child !== 'object' || typeof (child as { type?: unknown }).type !== 'string') return;
  const type = (child as { type: string }).type;
  if (type === 'StringLiteral') {
    if (REFERENCE_PARENTS.has(parentType)) found([...keys]);
    return;
  }
  // The word stands in the declaration or call; the literal type of `import('x')` is below it.
  if (type !== 'TSLiteralType' && !holdsAnyOffset(child, words)) return;
  forEachStringLiteral(child, keys, words, found);
}

function referenceKind(literal: ASTPath<StringLiteral>): ReferenceKind | undefined {
  const parent = literal.parent?.node;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'ImportDeclaration':
      return parent.source === literal.node ? 'import' : undefined;
    case 'ExportNamedDeclaration':
      return parent.source === literal.node ? 'export' : undefined;
    case 'ExportAllDeclaration':
      return parent.source === literal.node ? 'export-all' : undefined;
    case 'TSExternalModuleReference':
      return 'import-equals';
    case 'TSModuleDeclaration':
      return parent.id === literal.node ? 'augmentation' : undefined;
    case 'TSImportType':
      return 'import-type';
    case 'TSLiteralType':
      return literal.parent.parent?.node.type === 'TSImportType' ? 'import-type' : undefined;
    case 'CallExpression': {
      if (parent.arguments[0] !== literal.node) return undefined;
      const callee = parent.callee;
      if (callee.type === 'Import') return 'dynamic-import';
      if (callee.type === 'Identifier' && callee.name === 'require') return 'require';
      if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
        if (MOCK_OBJECTS.has(callee.object.name) && MOCK_METHODS.has(callee.property.name)) return 'mock';
        if (callee.object.name === 'require' && callee.property.name === 'resolve') return 'mock';
      }
      return undefined;
    }
    case 'ImportExpression':
      return 'dynamic-import';
    default:
      return undefined;
  }
}

function ownerOfImportType(literal: ASTPath<StringLiteral>): ASTPath {
  return literal.parent.node.type === 'TSImportType' ? literal.parent : literal.parent.parent;
}

// Bindings a rewrite leaves unused: the import a replaced call went through (a legacy accessor,
// an alias, a namespace, `import x = require()`, a lazy `const { x } = await import()`) is
// removed once nothing in the file refers to it, and its own comment goes with it.
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { FileContext } from '../../src/phase-api/define-phase.js';
import type { TextEdit } from '../../src/phase-api/text-edits.js';
import { importDeclarations, type Ranged } from './ast-edits.js';
import { removeImportSpecifiers, removeListElements, removeStatement } from './import-text.js';

/**
 * Removes the bindings of `locals` that nothing refers to any more. `replaced` are the edits the
 * rewrite made to code: what they replace no longer refers to anything, and what they put in
 * may refer to a local again. Bindings of one statement go in one edit of it.
 */
export function removeUnusedBindings(file: FileContext, locals: Iterable<string>, replaced: readonly TextEdit[]): void {
  const unused = unusedLocals(file, locals, replaced);
  if (unused.size === 0) return;
  const { j, root } = file;
  importDeclarations(j, root).forEach(({ node }) => {
    const removed = new Set((node.specifiers ?? []).filter((specifier) => specifier.local && unused.has(String(specifier.local.name))) as Ranged[]);
    if (removed.size > 0) removeImportSpecifiers(file, node, removed);
  });
  root.find(j.TSImportEqualsDeclaration).forEach(({ node }) => {
    if (unused.has(String(node.id.name))) removeStatement(file, node);
  });
  root.find(j.VariableDeclarator).forEach((path) => {
    const { id, init } = path.node as { id: ASTNode & { properties?: ASTNode[]; name?: string }; init?: ASTNode | null };
    if (!loadsModule(init)) return;
    const statement = path.parent.node as Ranged & { declarations: unknown[] };
    const only = statement.declarations.length === 1;
    if (id.type === 'Identifier' && unused.has(id.name) && only) removeStatement(file, statement);
    if (id.type !== 'ObjectPattern') return;
    const properties = (id.properties ?? []) as Ranged[];
    const removed = new Set(properties.filter((property) => unused.has(boundName(property as ASTNode) ?? '')));
    if (removed.size === 0) return;
    if (removed.size < properties.length) removeListElements(file, properties, removed);
    else if (only) removeStatement(file, statement);
  });
}

/** Those of `locals` that nothing refers to once `replaced` is in place. */
export function unusedLocals(file: FileContext, locals: Iterable<string>, replaced: readonly TextEdit[]): Set<string> {
  return new Set([...locals].filter((local) => referenceCount(file, local, replaced) === 0 && !replaced.some((edit) => mentionsName(edit.text, local))));
}

/** How often `local` is referred to outside the statements that bind it and the code `replaced` replaces. */
function referenceCount(file: FileContext, local: string, replaced: readonly TextEdit[]): number {
  return file.root
    .find(file.j.Identifier, { name: local })
    .filter((path) => {
      const { start, end } = path.node as { start?: number; end?: number };
      if (replaced.some((edit) => edit.start <= start! && end! <= edit.end)) return false;
      return !isPropertyName(path) && !insideBinding(path);
    })
    .size();
}

/** Names that bind or refer to something in the file (property names after a dot do not). */
export function bindingNames(file: FileContext): Set<string> {
  const names = new Set<string>();
  file.root.find(file.j.Identifier).forEach((path) => {
    if (!isPropertyName(path)) names.add(path.node.name);
  });
  return names;
}

function isPropertyName(path: ASTPath): boolean {
  const parent = path.parent?.node as { type: string; property?: unknown; key?: unknown; computed?: boolean; shorthand?: boolean } | undefined;
  if (!parent) return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed) return true;
  if (
    (parent.type === 'ObjectProperty' || parent.type === 'ClassProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod' || parent.type === 'TSPropertySignature') &&
    parent.key === path.node &&
    !parent.computed &&
    !parent.shorthand
  )
    return true;
  return parent.type === 'TSQualifiedName' && (parent as { right?: unknown }).right === path.node;
}

/** Inside an import, or inside the pattern of a declarator that loads a module. */
function insideBinding(path: ASTPath): boolean {
  for (let current: ASTPath | null = path; current?.parent; current = current.parent) {
    const parent = current.parent as ASTPath;
    if (parent.node.type === 'ImportDeclaration' || parent.node.type === 'TSImportEqualsDeclaration') return true;
    if (parent.node.type === 'VariableDeclarator') {
      const declarator = parent.node as { id: unknown; init?: ASTNode | null };
      return declarator.id === current.node && loadsModule(declarator.init);
    }
  }
  return false;
}

/** `require(…)`, `import(…)`, either awaited. */
function loadsModule(init: ASTNode | null | undefined): boolean {
  const expression = (init?.type === 'AwaitExpression' ? (init as { argument: ASTNode }).argument : init) as { type: string; callee?: { type: string; name?: string }; source?: unknown } | undefined;
  if (!expression) return false;
  if (expression.type === 'ImportExpression') return true;
  return expression.type === 'CallExpression' && (expression.callee?.type === 'Import' || (expression.callee?.type === 'Identifier' && expression.callee.name === 'require'));
}

/** The local name a destructuring property binds: `x` of `{ x }` and of `{ y: x }`. */
function boundName(property: ASTNode): string | undefined {
  const value = (property as { value?: { type: string; name?: string } }).value;
  return value?.type === 'Identifier' ? value.name : undefined;
}

/** Whether code text names `local` other than as a property (`.local`); strings count too, which only keeps an import. */
function mentionsName(text: string, local: string): boolean {
  return new RegExp(`(?<![\\w$.])${local.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
}

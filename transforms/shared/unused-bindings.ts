// Bindings a rewrite leaves unused: the import a replaced call went through (a legacy accessor,
// an alias, a namespace, `import x = require()`, a lazy `const { x } = await import()`) is
// removed once nothing in the file refers to it, and its own comment goes with it.
import type { ASTNode, ASTPath, VariableDeclaration } from 'jscodeshift';
import { touch, type FileContext } from '../../src/phase-api/define-phase.js';
import { removeStatementAndItsComments } from './ast-edits.js';

/**
 * Removes the binding of `local` when nothing refers to it any more. `addedText` is code the
 * rewrite put in the file as text (not yet nodes), which may refer to it too. `heirOf` names the
 * statement that takes the comments of a removed one that are not its own (else the next one).
 */
export function removeBindingIfUnused(file: FileContext, local: string, addedText: readonly string[] = [], heirOf: (removed: ASTNode) => ASTNode | undefined = () => undefined): void {
  if (referenceCount(file, local) > 0 || addedText.some((text) => mentionsName(text, local))) return;
  const { j, root } = file;
  const removeStatement = (path: ASTPath): void => {
    touch(file, path.node);
    const inheritor = removeStatementAndItsComments(path, heirOf(path.node));
    if (inheritor) touch(file, inheritor);
  };
  root.find(j.ImportDeclaration).forEach((path) => {
    const specifiers = path.node.specifiers ?? [];
    const kept = specifiers.filter((specifier) => specifier.local?.name !== local);
    if (kept.length === specifiers.length) return;
    if (kept.length > 0) {
      touch(file, path.node);
      path.node.specifiers = kept;
    } else {
      removeStatement(path);
    }
  });
  root.find(j.TSImportEqualsDeclaration).forEach((path) => {
    if (path.node.id.name === local) removeStatement(path);
  });
  root.find(j.VariableDeclarator).forEach((path) => {
    const { id, init } = path.node as { id: ASTNode & { properties?: ASTNode[]; name?: string }; init?: ASTNode | null };
    if (!loadsModule(init)) return;
    const statement = path.parent as ASTPath<VariableDeclaration>;
    const only = statement.node.declarations.length === 1;
    if (id.type === 'Identifier' && id.name === local && only) removeStatement(statement);
    if (id.type !== 'ObjectPattern') return;
    const kept = (id.properties ?? []).filter((property) => boundName(property) !== local);
    if (kept.length === id.properties.length) return;
    if (kept.length > 0) {
      touch(file, path.node);
      id.properties = kept;
    } else if (only) {
      removeStatement(statement);
    }
  });
}

/** How often `local` is referred to outside the statements that bind it. */
function referenceCount(file: FileContext, local: string): number {
  return file.root
    .find(file.j.Identifier, { name: local })
    .filter((path) => !isPropertyName(path) && !insideBinding(path))
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
  if ((parent.type === 'ObjectProperty' || parent.type === 'ClassProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod' || parent.type === 'TSPropertySignature') && parent.key === path.node && !parent.computed && !parent.shorthand) return true;
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

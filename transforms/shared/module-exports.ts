// Reads what a module exports and where each export comes from, syntactically: its own
// declarations, re-exports (`export { a as b } from`, `export *`), and imports it exports again.
import type { ASTNode, Collection, ExportAllDeclaration, ExportDefaultDeclaration, ExportNamedDeclaration, ImportDeclaration } from 'jscodeshift';
import { nameOf, programBody } from './ast-edits.js';
import type { ModuleRecord, ResolvedModule } from '../../src/phase-api/define-phase.js';

export type ExportOrigin =
  /** Declared here; `typeOnly` for interfaces and type aliases. */
  | { kind: 'local'; typeOnly?: boolean }
  /** Re-exported from another module: `name` is the export there, or '*' for `export * as ns`. */
  | { kind: 'reexport'; specifier: string; name: string; typeOnly: boolean };

export interface ModuleExports {
  named: Map<string, ExportOrigin>;
  /** Specifiers of `export * from '…'`. */
  stars: string[];
}

export function readModuleExports(root: Collection): ModuleExports {
  const named = new Map<string, ExportOrigin>();
  const stars: string[] = [];
  const imported = importedBindings(root);
  const localTypes = new Set<string>();
  // A module's exports are statements of its program: a `declare module` or namespace body has
  // exports of its own. Reading the statements costs nothing next to a walk of the whole tree.
  const body = programBody(root);
  for (const node of body) if (node.type === 'TSInterfaceDeclaration' || node.type === 'TSTypeAliasDeclaration') localTypes.add(nameOf((node as { id: unknown }).id));

  for (const node of statementsOf(body, 'ExportNamedDeclaration')) {
    const source = node.source ? String(node.source.value) : undefined;
    const declarationTypeOnly = node.exportKind === 'type';
    const declaresType = declarationTypeOnly || /^TS(InterfaceDeclaration|TypeAliasDeclaration)$/.test(node.declaration?.type ?? '');
    for (const name of declaredNames(node.declaration)) named.set(name, { kind: 'local', typeOnly: declaresType });
    for (const specifier of node.specifiers ?? []) {
      if (specifier.type === 'ExportNamespaceSpecifier') {
        if (source) named.set(nameOf(specifier.exported), { kind: 'reexport', specifier: source, name: '*', typeOnly: declarationTypeOnly });
        continue;
      }
      if (specifier.type !== 'ExportSpecifier') continue;
      const local = nameOf(specifier.local ?? specifier.exported);
      const exported = nameOf(specifier.exported);
      const typeOnly = declarationTypeOnly || (specifier as { exportKind?: string }).exportKind === 'type';
      if (source) {
        named.set(exported, { kind: 'reexport', specifier: source, name: local, typeOnly });
      } else {
        const origin = imported.get(local);
        named.set(exported, origin ? { ...origin, typeOnly: typeOnly || origin.typeOnly } : { kind: 'local', typeOnly: typeOnly || localTypes.has(local) });
      }
    }
  }

  for (const node of statementsOf(body, 'ExportAllDeclaration')) {
    const source = String(node.source.value);
    const exported = (node as { exported?: { name?: string } | null }).exported;
    if (exported?.name) named.set(exported.name, { kind: 'reexport', specifier: source, name: '*', typeOnly: false });
    else stars.push(source);
  }

  for (const node of statementsOf(body, 'ExportDefaultDeclaration')) {
    const declaration = node.declaration;
    const origin = declaration.type === 'Identifier' ? imported.get(declaration.name) : undefined;
    named.set('default', origin ?? { kind: 'local' });
  }

  return { named, stars };
}

/**
 * Whether a module may hand on something of another module (`export … from`, an import exported
 * again): only then can readModuleExports find a re-export in it. True without a record, and for
 * a default export of an expression, which may be an import in parentheses (`export default (a)`).
 */
export function mayHandOnImports(record: ModuleRecord | undefined): boolean {
  return record === undefined || record.exports.some((entry) => entry.from !== undefined || (entry.exported === 'default' && entry.local === undefined));
}

/**
 * Every export name of a module, following `export *` (which never hands on `default`);
 * undefined when a package or an unreadable module is in the way. `cache` keeps each module's
 * answer for later calls.
 */
export function exportNamesOf(
  key: string,
  read: { exportsOf(key: string): ModuleExports | undefined; resolve(specifier: string, fromFile: string): ResolvedModule },
  cache?: Map<string, Set<string> | undefined>,
  seen = new Set<string>(),
): Set<string> | undefined {
  if (cache?.has(key)) return cache.get(key);
  if (seen.has(key)) return new Set();
  seen.add(key);
  const exports = read.exportsOf(key);
  let names: Set<string> | undefined;
  if (exports) {
    names = new Set(exports.named.keys());
    for (const star of exports.stars) {
      const target = read.resolve(star, key);
      const more = target.isFile ? exportNamesOf(target.key, read, cache, seen) : undefined;
      if (!more) {
        names = undefined;
        break;
      }
      for (const name of more) if (name !== 'default') names.add(name);
    }
  }
  cache?.set(key, names);
  return names;
}

/** Local names bound by imports, with the export each one names (`default`, or `*` for a namespace). */
export function importedBindings(root: Collection): Map<string, Extract<ExportOrigin, { kind: 'reexport' }>> {
  const bindings = new Map<string, Extract<ExportOrigin, { kind: 'reexport' }>>();
  for (const node of statementsOf(programBody(root), 'ImportDeclaration')) {
    const specifier = String(node.source.value);
    const declarationTypeOnly = node.importKind === 'type';
    for (const item of node.specifiers ?? []) {
      const local = item.local ? nameOf(item.local) : undefined;
      if (!local) continue;
      const name = item.type === 'ImportSpecifier' ? nameOf(item.imported) : item.type === 'ImportDefaultSpecifier' ? 'default' : '*';
      const typeOnly = declarationTypeOnly || (item as { importKind?: string }).importKind === 'type';
      bindings.set(local, { kind: 'reexport', specifier, name, typeOnly });
    }
  }
  return bindings;
}

interface ModuleStatements {
  ImportDeclaration: ImportDeclaration;
  ExportNamedDeclaration: ExportNamedDeclaration;
  ExportAllDeclaration: ExportAllDeclaration;
  ExportDefaultDeclaration: ExportDefaultDeclaration;
}

/** The statements of one type, typed as the tree's nodes of that name. */
function statementsOf<Type extends keyof ModuleStatements>(body: readonly ASTNode[], type: Type): Array<ModuleStatements[Type]> {
  return body.filter((node) => node.type === type) as Array<ModuleStatements[Type]>;
}

function declaredNames(declaration: unknown): string[] {
  if (!declaration || typeof declaration !== 'object') return [];
  const node = declaration as { type: string; id?: { name?: string } | null; declarations?: Array<{ id: unknown }> };
  if (node.type === 'VariableDeclaration') return (node.declarations ?? []).flatMap((item) => patternNames(item.id));
  return node.id?.name ? [node.id.name] : [];
}

function patternNames(pattern: unknown): string[] {
  const node = pattern as { type: string; name?: string; properties?: Array<{ value?: unknown; argument?: unknown }>; elements?: unknown[]; left?: unknown; argument?: unknown };
  switch (node?.type) {
    case 'Identifier':
      return [String(node.name)];
    case 'ObjectPattern':
      return (node.properties ?? []).flatMap((property) => patternNames(property.value ?? property.argument));
    case 'ArrayPattern':
      return (node.elements ?? []).flatMap((element) => (element ? patternNames(element) : []));
    case 'AssignmentPattern':
      return patternNames(node.left);
    case 'RestElement':
      return patternNames(node.argument);
    default:
      return [];
  }
}

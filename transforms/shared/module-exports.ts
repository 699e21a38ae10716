// Reads what a module exports and where each export comes from, syntactically: its own
// declarations, re-exports (`export { a as b } from`, `export *`), and imports it exports again;
// for a CommonJS module, its `exports.a =`, `module.exports = { … }` and what they take from `require`.
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

  const esm = body.some((node) => /^(Import|Export\w*)Declaration$/.test(node.type) || node.type === 'TSExportAssignment');
  if (!esm) readCommonJsExports(body, named, stars);
  return { named, stars };
}

type Node = ASTNode & Record<string, unknown>;

/**
 * A CommonJS module's exports, from its top-level statements: `exports.a = …` and
 * `module.exports.a = …`, `module.exports = { a, b: c }` (a spread of a `require` hands on that
 * module's), `module.exports = require('./m')` (that module whole), `Object.defineProperty(exports,
 * 'a', …)`, and any other `module.exports = …` as the default. A value read from a `require`
 * (`require('./m').a`, a binding of `const m = require('./m')` or `const { a } = require('./m')`)
 * is a re-export of that module's name.
 */
function readCommonJsExports(body: readonly ASTNode[], named: Map<string, ExportOrigin>, stars: string[]): void {
  const required = requiredBindings(body);
  const originOf = (value: Node | undefined): ExportOrigin => {
    if (!value) return { kind: 'local' };
    const call = requireSpecifier(value);
    if (call !== undefined) return { kind: 'reexport', specifier: call, name: '*', typeOnly: false };
    if (value.type === 'Identifier') return required.get(String(value.name)) ?? { kind: 'local' };
    if (value.type === 'MemberExpression' && !value.computed && (value.property as Node).type === 'Identifier') {
      const object = value.object as Node;
      const name = String((value.property as Node).name);
      const specifier = requireSpecifier(object) ?? (object.type === 'Identifier' ? namespaceSpecifier(required.get(String(object.name))) : undefined);
      if (specifier !== undefined) return { kind: 'reexport', specifier, name, typeOnly: false };
    }
    return { kind: 'local' };
  };
  for (const statement of body) {
    const expression = (statement as Node).type === 'ExpressionStatement' ? ((statement as Node).expression as Node) : undefined;
    if (!expression) continue;
    if (expression.type === 'AssignmentExpression' && expression.operator === '=') {
      const target = exportsTarget(expression.left as Node);
      const value = expression.right as Node;
      if (target === 'module') {
        const whole = requireSpecifier(value) ?? (value.type === 'Identifier' ? namespaceSpecifier(required.get(String(value.name))) : undefined);
        if (whole !== undefined) stars.push(whole);
        else if (value.type === 'ObjectExpression') {
          for (const property of value.properties as Node[]) {
            const spread = property.type === 'SpreadElement' ? requireSpecifier(property.argument as Node) : undefined;
            if (spread !== undefined) stars.push(spread);
            const key = property.type === 'ObjectProperty' || property.type === 'ObjectMethod' ? propertyKey(property) : undefined;
            if (key !== undefined) named.set(key, property.type === 'ObjectProperty' ? originOf(property.value as Node) : { kind: 'local' });
          }
        } else named.set('default', originOf(value));
      } else if (target !== undefined) named.set(target, originOf(value));
      continue;
    }
    // `Object.defineProperty(exports, 'a', { get: … })`, as compilers write CommonJS.
    const callee = expression.type === 'CallExpression' ? (expression.callee as Node) : undefined;
    const args = (expression.arguments ?? []) as Node[];
    const isDefine =
      callee?.type === 'MemberExpression' && (callee.object as Node).type === 'Identifier' && (callee.object as Node).name === 'Object' && (callee.property as Node).name === 'defineProperty';
    if (isDefine && args[0] && exportsObject(args[0]) && args[1]?.type === 'StringLiteral') named.set(String(args[1].value), { kind: 'local' });
  }
}

/** `'module'` for `module.exports`, the name for `exports.a` or `module.exports.a`, else undefined. */
function exportsTarget(left: Node): string | undefined {
  if (left.type !== 'MemberExpression') return undefined;
  if (isModuleExports(left)) return 'module';
  if (left.computed && (left.property as Node).type !== 'StringLiteral') return undefined;
  const property = left.property as Node;
  const name = property.type === 'Identifier' ? String(property.name) : property.type === 'StringLiteral' ? String(property.value) : undefined;
  return name !== undefined && exportsObject(left.object as Node) ? name : undefined;
}

function isModuleExports(node: Node): boolean {
  return node.type === 'MemberExpression' && !node.computed && (node.object as Node).type === 'Identifier' && (node.object as Node).name === 'module' && (node.property as Node).name === 'exports';
}

/** `exports` or `module.exports`. */
function exportsObject(node: Node): boolean {
  return (node.type === 'Identifier' && node.name === 'exports') || isModuleExports(node);
}

/** The specifier of `require('…')`, when `node` is one. */
function requireSpecifier(node: Node): string | undefined {
  if (node.type !== 'CallExpression' || (node.callee as Node).type !== 'Identifier' || (node.callee as Node).name !== 'require') return undefined;
  const [argument] = node.arguments as Node[];
  return argument?.type === 'StringLiteral' ? String(argument.value) : undefined;
}

function namespaceSpecifier(origin: ExportOrigin | undefined): string | undefined {
  return origin?.kind === 'reexport' && origin.name === '*' ? origin.specifier : undefined;
}

function propertyKey(property: Node): string | undefined {
  if (property.computed) return undefined;
  const key = property.key as Node;
  return key.type === 'Identifier' ? String(key.name) : key.type === 'StringLiteral' ? String(key.value) : undefined;
}

/** Top-level `const m = require('…')`, `const { a, b: c } = require('…')` and `const a = require('…').a`: each binding with what it names. */
function requiredBindings(body: readonly ASTNode[]): Map<string, Extract<ExportOrigin, { kind: 'reexport' }>> {
  const bindings = new Map<string, Extract<ExportOrigin, { kind: 'reexport' }>>();
  for (const statement of body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of (statement as Node).declarations as Node[]) {
      const init = declarator.init as Node | null;
      const id = declarator.id as Node;
      if (!init) continue;
      const whole = requireSpecifier(init);
      if (whole !== undefined && id.type === 'Identifier') bindings.set(String(id.name), { kind: 'reexport', specifier: whole, name: '*', typeOnly: false });
      else if (whole !== undefined && id.type === 'ObjectPattern') {
        for (const property of id.properties as Node[]) {
          const key = property.type === 'ObjectProperty' ? propertyKey(property) : undefined;
          const value = property.value as Node | undefined;
          if (key !== undefined && value?.type === 'Identifier') bindings.set(String(value.name), { kind: 'reexport', specifier: whole, name: key, typeOnly: false });
        }
      } else if (init.type === 'MemberExpression' && !init.computed && id.type === 'Identifier') {
        const specifier = requireSpecifier(init.object as Node);
        if (specifier !== undefined) bindings.set(String(id.name), { kind: 'reexport', specifier, name: String((init.property as Node).name), typeOnly: false });
      }
    }
  }
  return bindings;
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

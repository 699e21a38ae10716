// Property tests for phase 1 (imports): generated files, each rewritten and checked against the promises.
//
// fast-check generates import sections over the fixture project of __testfixtures__/imports/
// (canonical lib/unified_manager.ts, legacy lib/websocket_manager.ts and lib/manager_alias.ts,
// lib/manager_functions.ts with one moved export, the barrel lib/index.ts), written with every
// specifier style (relative, `@lib/*` alias, `.js`, `/index`), in every form the phase handles,
// with aliases, local declarations named like canonical exports and comments in between, and a
// body that uses every local binding. Each generated text is run as `generated.ts` of the fixture
// folder, and for each one:
//   1. the run does not fail (a rewrite is produced only if it parses), and the output parses;
//   2. a second run changes nothing;
//   3. no reference to a legacy module (or to the moved export) remains in code unless a manual
//      finding is reported for it, and nothing fixable is left;
//   4. every use of a local binding, every name the file re-exports and every key of a mock
//      factory resolves to the same declaration before and after (resolved with the table below,
//      which follows the fixture project's re-exports, aliases and the config's renames).
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { FileResult } from '../../src/result/types';
import { FIXTURES_ROOT, transformFixture } from '../helpers/phase-fixtures';

// ---------------------------------------------------------------------------------------------
// The fixture project's modules.

type ModId = 'unified' | 'websocket' | 'alias' | 'functions' | 'barrel';

interface ExportInfo {
  /** The declaration it finally names: `<file>#<name>`, after re-exports, aliases and config renames. */
  decl: string;
  value: boolean;
  type: boolean;
}

const U = (name: string): string => `lib/unified_manager.ts#${name}`;
const UNIFIED: Record<string, ExportInfo> = {
  WebSocketManagerProtocol: { decl: U('WebSocketManagerProtocol'), value: false, type: true },
  WebSocketMessage: { decl: U('WebSocketMessage'), value: false, type: true },
  UnifiedWebSocketManager: { decl: U('UnifiedWebSocketManager'), value: true, type: true },
  createWebSocketManager: { decl: U('createWebSocketManager'), value: true, type: false },
  AGENT_EVENT_TYPES: { decl: U('AGENT_EVENT_TYPES'), value: true, type: false },
  // `export default UnifiedWebSocketManager`: the same class.
  default: { decl: U('UnifiedWebSocketManager'), value: true, type: true },
};
const { default: _unifiedDefault, ...UNIFIED_STAR } = UNIFIED;

/** Exports of each module of the fixture project (verified against lib/*.ts below). */
const MODULES: Record<ModId, Record<string, ExportInfo>> = {
  unified: UNIFIED,
  // lib/websocket_manager.ts: re-exports, `WebSocketManager = UnifiedWebSocketManager` (config rename),
  // `WebSocketManagerInterface = WebSocketManagerProtocol` (config rename), an accessor that stays (null).
  websocket: {
    createWebSocketManager: UNIFIED.createWebSocketManager!,
    AGENT_EVENT_TYPES: UNIFIED.AGENT_EVENT_TYPES!,
    WebSocketMessage: UNIFIED.WebSocketMessage!,
    WebSocketManager: UNIFIED.UnifiedWebSocketManager!,
    WebSocketManagerInterface: UNIFIED.WebSocketManagerProtocol!,
    getWebSocketManager: { decl: 'lib/websocket_manager.ts#getWebSocketManager', value: true, type: false },
    default: UNIFIED.UnifiedWebSocketManager!,
  },
  // lib/manager_alias.ts: `WebSocketConnectionManager = UnifiedWebSocketManager` (a const: no type meaning).
  alias: {
    WebSocketConnectionManager: { ...UNIFIED.UnifiedWebSocketManager!, type: false },
    default: UNIFIED.UnifiedWebSocketManager!,
  },
  // lib/manager_functions.ts: the config moves createManagerForUser to createWebSocketManager.
  functions: {
    createManagerForUser: UNIFIED.createWebSocketManager!,
    describeManager: { decl: 'lib/manager_functions.ts#describeManager', value: true, type: false },
  },
  // lib/index.ts: `export *` of the canonical module (no default) and two re-exports.
  barrel: {
    ...UNIFIED_STAR,
    getWebSocketManager: { decl: 'lib/websocket_manager.ts#getWebSocketManager', value: true, type: false },
    describeManager: { decl: 'lib/manager_functions.ts#describeManager', value: true, type: false },
  },
};

const MODULE_FILES: Record<ModId, string> = {
  unified: 'lib/unified_manager.ts',
  websocket: 'lib/websocket_manager.ts',
  alias: 'lib/manager_alias.ts',
  functions: 'lib/manager_functions.ts',
  barrel: 'lib/index.ts',
};

const LEGACY_MODULES: ReadonlySet<ModId> = new Set<ModId>(['websocket', 'alias']);
const MOVED = { module: 'functions' as ModId, name: 'createManagerForUser' };

const SPECIFIERS: Record<ModId, string[]> = {
  unified: ['./lib/unified_manager', './lib/unified_manager.js', '@lib/unified_manager'],
  websocket: ['./lib/websocket_manager', './lib/websocket_manager.js', '@lib/websocket_manager'],
  alias: ['./lib/manager_alias', './lib/manager_alias.js', '@lib/manager_alias'],
  functions: ['./lib/manager_functions', './lib/manager_functions.js', '@lib/manager_functions'],
  barrel: ['./lib', './lib/index', './lib/index.js', '@lib/index'],
};

/** The module a specifier names, for the generated file at the root of the fixture folder. */
function moduleOf(specifier: string): ModId | undefined {
  const bare = specifier
    .replace(/^\.\//, '')
    .replace(/^@lib\//, 'lib/')
    .replace(/\.js$/, '')
    .replace(/\/index$/, '');
  if (bare === 'lib') return 'barrel';
  return (Object.keys(MODULE_FILES) as ModId[]).find((mod) => MODULE_FILES[mod] === `${bare}.ts`);
}

function exportOf(mod: ModId | undefined, name: string): string {
  if (!mod) return `unknown-module#${name}`;
  return MODULES[mod][name]?.decl ?? `${MODULE_FILES[mod]}#<no export ${name}>`;
}

// ---------------------------------------------------------------------------------------------
// The generator.

interface Named {
  name: string;
  local: string;
  inlineType: boolean;
}
type Stmt =
  | { kind: 'import'; mod: ModId; spec: string; typeOnly: boolean; def?: string; ns?: string; named?: Named[]; members: string[]; nsAsValue: boolean; trailing: boolean }
  | { kind: 'exportFrom'; mod: ModId; spec: string; typeOnly: boolean; named: Named[] }
  | { kind: 'exportStar'; mod: ModId; spec: string }
  | { kind: 'sideEffect'; mod: ModId; spec: string }
  | { kind: 'require'; mod: ModId; spec: string; named: Named[] }
  | { kind: 'requireNs'; mod: ModId; spec: string; local: string; members: string[] }
  | { kind: 'requireMember'; mod: ModId; spec: string; name: string; local: string }
  | { kind: 'importEquals'; mod: ModId; spec: string; local: string; members: string[] }
  | { kind: 'awaitImport'; mod: ModId; spec: string; named: Named[] }
  | { kind: 'requireActual'; mod: ModId; spec: string; named: Named[] }
  | { kind: 'mock'; mod: ModId; spec: string; keys: string[] }
  | { kind: 'local'; name: string; form: 'const' | 'function' | 'class' | 'type' }
  | { kind: 'importTypeQuery'; mod: ModId; spec: string; name: string }
  | { kind: 'comment'; text: string };

const CANONICAL_NAMES = ['UnifiedWebSocketManager', 'createWebSocketManager', 'AGENT_EVENT_TYPES', 'WebSocketManagerProtocol', 'WebSocketMessage'];
const LOCAL_POOL = [
  ...CANONICAL_NAMES,
  'WebSocketManager',
  'WebSocketManagerInterface',
  'getWebSocketManager',
  'WebSocketConnectionManager',
  'createManagerForUser',
  'describeManager',
  'UnifiedWebSocketManager2',
  'Manager',
  'legacy',
  'lib',
];

const modArb = fc.constantFrom<ModId>('websocket', 'alias', 'functions', 'unified', 'barrel');
const withSpec = <T>(build: (mod: ModId, spec: string) => fc.Arbitrary<T>): fc.Arbitrary<T> => modArb.chain((mod) => fc.constantFrom(...SPECIFIERS[mod]).chain((spec) => build(mod, spec)));
const exportsOf = (mod: ModId, filter: (info: ExportInfo) => boolean = () => true): string[] =>
  Object.entries(MODULES[mod])
    .filter(([, info]) => filter(info))
    .map(([name]) => name);

const localArb = fc.constantFrom(...LOCAL_POOL);
/** A named element: the local name is the export's own name half the time (not for `default`). */
const namedArb = (names: string[], inlineType: boolean): fc.Arbitrary<Named> =>
  fc.record({ name: fc.constantFrom(...names), alias: fc.option(localArb, { freq: 2 }), inlineType: inlineType ? fc.boolean() : fc.constant(false) }).map(({ name, alias, inlineType: inline }) => ({
    name,
    local: alias ?? (name === 'default' ? 'Manager' : name),
    inlineType: inline,
  }));
const namedListArb = (names: string[], inlineType: boolean): fc.Arbitrary<Named[]> => fc.uniqueArray(namedArb(names, inlineType), { minLength: 1, maxLength: 3, selector: (element) => element.name });
const membersArb = (names: string[]): fc.Arbitrary<string[]> => fc.subarray(names, { minLength: 1, maxLength: Math.min(3, names.length) });
const isValue = (info: ExportInfo): boolean => info.value;
const specMods = (mods: ModId[]) => fc.constantFrom(...mods).chain((mod) => fc.constantFrom(...SPECIFIERS[mod]).map((spec) => ({ mod, spec })));

const importArb: fc.Arbitrary<Stmt> = withSpec((mod, spec) => {
  const names = exportsOf(mod);
  const hasDefault = 'default' in MODULES[mod];
  return fc
    .record({
      typeOnly: fc.boolean(),
      shape: fc.constantFrom('named', 'namespace', 'default', 'default+named', 'default+namespace'),
      def: localArb,
      ns: localArb,
      namedPlain: namedListArb(names, true),
      namedTyped: namedListArb(names, false),
      members: membersArb(names),
      nsAsValue: fc.constantFrom(true, false, false, false, false, false),
      trailing: fc.boolean(),
    })
    .map(({ typeOnly, shape, def, ns, namedPlain, namedTyped, members, nsAsValue, trailing }): Stmt => {
      let effective = shape;
      if (!hasDefault && effective.startsWith('default')) effective = effective === 'default+namespace' ? 'namespace' : 'named';
      // A type-only import names a default or bindings, never both.
      if (typeOnly && effective === 'default+named') effective = 'named';
      if (typeOnly && effective === 'default+namespace') effective = 'namespace';
      const stmt: Stmt = { kind: 'import', mod, spec, typeOnly, members: [], nsAsValue: false, trailing };
      if (effective.startsWith('default')) stmt.def = def;
      if (effective.endsWith('named')) stmt.named = typeOnly ? namedTyped : namedPlain;
      if (effective.endsWith('namespace')) {
        stmt.ns = ns;
        stmt.members = members;
        stmt.nsAsValue = nsAsValue && !typeOnly;
      }
      return stmt;
    });
});

const exportFromArb: fc.Arbitrary<Stmt> = withSpec((mod, spec) =>
  fc.record({ typeOnly: fc.boolean(), named: namedListArb(exportsOf(mod), true) }).map(({ typeOnly, named }): Stmt => ({
    kind: 'exportFrom',
    mod,
    spec,
    typeOnly,
    named: named.map((element) => ({ ...element, inlineType: typeOnly ? false : element.inlineType })),
  })),
);

const valueModules: ModId[] = ['websocket', 'alias', 'functions', 'unified', 'barrel'];
const requireLikeArb = (kind: 'require' | 'awaitImport' | 'requireActual'): fc.Arbitrary<Stmt> =>
  specMods(valueModules).chain(({ mod, spec }) => namedListArb(exportsOf(mod, isValue), false).map((named): Stmt => ({ kind, mod, spec, named })));

const stmtArb: fc.Arbitrary<Stmt> = fc.oneof(
  { weight: 6, arbitrary: importArb },
  { weight: 2, arbitrary: exportFromArb },
  { weight: 1, arbitrary: withSpec((mod, spec) => fc.constant<Stmt>({ kind: 'exportStar', mod, spec })) },
  { weight: 1, arbitrary: withSpec((mod, spec) => fc.constant<Stmt>({ kind: 'sideEffect', mod, spec })) },
  { weight: 2, arbitrary: requireLikeArb('require') },
  {
    weight: 1,
    arbitrary: withSpec((mod, spec) =>
      fc.record({ local: localArb, members: membersArb(exportsOf(mod, isValue)) }).map(({ local, members }): Stmt => ({ kind: 'requireNs', mod, spec, local, members })),
    ),
  },
  {
    weight: 1,
    arbitrary: withSpec((mod, spec) =>
      fc.record({ local: localArb, name: fc.constantFrom(...exportsOf(mod, isValue)) }).map(({ local, name }): Stmt => ({ kind: 'requireMember', mod, spec, local, name })),
    ),
  },
  {
    weight: 1,
    arbitrary: withSpec((mod, spec) => fc.record({ local: localArb, members: membersArb(exportsOf(mod)) }).map(({ local, members }): Stmt => ({ kind: 'importEquals', mod, spec, local, members }))),
  },
  { weight: 1, arbitrary: requireLikeArb('awaitImport') },
  { weight: 1, arbitrary: requireLikeArb('requireActual') },
  { weight: 1, arbitrary: withSpec((mod, spec) => fc.subarray(exportsOf(mod, isValue), { maxLength: 2 }).map((keys): Stmt => ({ kind: 'mock', mod, spec, keys }))) },
  {
    weight: 2,
    arbitrary: fc
      .record({ name: fc.constantFrom(...CANONICAL_NAMES, 'WebSocketManager'), form: fc.constantFrom<'const' | 'function' | 'class' | 'type'>('const', 'function', 'class', 'type') })
      .map(({ name, form }): Stmt => ({ kind: 'local', name, form })),
  },
  { weight: 1, arbitrary: withSpec((mod, spec) => fc.constantFrom(...exportsOf(mod)).map((name): Stmt => ({ kind: 'importTypeQuery', mod, spec, name }))) },
  { weight: 2, arbitrary: fc.constantFrom('// a line comment', '/* a block comment */', '/** JSDoc for what follows */').map((text): Stmt => ({ kind: 'comment', text })) },
);

/** Makes local names unique across the file (and exported names across explicit re-exports). */
function dedupe(stmts: Stmt[]): Stmt[] {
  const locals = new Set<string>();
  const exported = new Set<string>();
  let counter = 0;
  const fresh = (name: string, taken: Set<string>): string => {
    let candidate = name;
    while (taken.has(candidate)) candidate = `${name}_${++counter}`;
    taken.add(candidate);
    return candidate;
  };
  const local = (name: string): string => fresh(name, locals);
  const namedLocals = (named: Named[]): Named[] => named.map((element) => ({ ...element, local: local(element.local) }));
  return stmts.map((stmt): Stmt => {
    switch (stmt.kind) {
      case 'import':
        return {
          ...stmt,
          ...(stmt.def !== undefined ? { def: local(stmt.def) } : {}),
          ...(stmt.ns !== undefined ? { ns: local(stmt.ns) } : {}),
          ...(stmt.named ? { named: namedLocals(stmt.named) } : {}),
        };
      case 'exportFrom':
        return { ...stmt, named: stmt.named.map((element) => ({ ...element, local: fresh(element.local, exported) })) };
      case 'require':
      case 'awaitImport':
      case 'requireActual':
        return { ...stmt, named: namedLocals(stmt.named) };
      case 'requireNs':
      case 'requireMember':
      case 'importEquals':
        return { ...stmt, local: local(stmt.local) };
      case 'local':
        return { ...stmt, name: local(stmt.name) };
      default:
        return stmt;
    }
  });
}

/** A use of a binding: how it is written and where (value, type, or `typeof` in a type). */
interface Use {
  ref: string;
  position: 'value' | 'type' | 'typeof';
}

function useOf(ref: string, info: ExportInfo, typeOnly: boolean): Use {
  if (typeOnly) return { ref, position: info.type ? 'type' : 'typeof' };
  return { ref, position: info.value ? 'value' : 'type' };
}

function renderUse(use: Use, id: string, exported: boolean): string {
  const prefix = exported ? 'export ' : '';
  if (use.position === 'value') return `${prefix}const ${id} = ${use.ref};`;
  return `${prefix}type ${id} = ${use.position === 'typeof' ? 'typeof ' : ''}${use.ref};`;
}

const q = (spec: string): string => `'${spec}'`;
const property = (element: Named): string => (element.local === element.name ? element.name : `${element.name}: ${element.local}`);
const specifier = (element: Named, typeKeyword: boolean): string =>
  `${typeKeyword && element.inlineType ? 'type ' : ''}${element.local === element.name ? element.name : `${element.name} as ${element.local}`}`;

/** Renders the generated file: the import section in the generated order, then a body using every binding. */
function render(stmts: Stmt[]): string {
  const head: string[] = [];
  const body: string[] = [];
  let uses = 0;
  const nextId = (): string => `__use_${uses++}`;
  const top = (use: Use): void => {
    body.push(renderUse(use, nextId(), true));
  };
  stmts.forEach((stmt, index) => {
    const info = (mod: ModId, name: string): ExportInfo => MODULES[mod][name]!;
    switch (stmt.kind) {
      case 'import': {
        const clause: string[] = [];
        if (stmt.def !== undefined) {
          clause.push(stmt.def);
          top(useOf(stmt.def, info(stmt.mod, 'default'), stmt.typeOnly));
        }
        if (stmt.ns !== undefined) {
          clause.push(`* as ${stmt.ns}`);
          for (const member of stmt.members) top(useOf(`${stmt.ns}.${member}`, info(stmt.mod, member), stmt.typeOnly));
          if (stmt.nsAsValue) body.push(`export const ${nextId()} = [${stmt.ns}];`);
        }
        if (stmt.named) {
          clause.push(`{ ${stmt.named.map((element) => specifier(element, true)).join(', ')} }`);
          for (const element of stmt.named) top(useOf(element.local, info(stmt.mod, element.name), stmt.typeOnly || element.inlineType));
        }
        head.push(`import ${stmt.typeOnly ? 'type ' : ''}${clause.join(', ')} from ${q(stmt.spec)};${stmt.trailing ? ' // trailing' : ''}`);
        break;
      }
      case 'exportFrom':
        head.push(`export ${stmt.typeOnly ? 'type ' : ''}{ ${stmt.named.map((element) => specifier(element, true)).join(', ')} } from ${q(stmt.spec)};`);
        break;
      case 'exportStar':
        head.push(`export * from ${q(stmt.spec)};`);
        break;
      case 'sideEffect':
        head.push(`import ${q(stmt.spec)};`);
        break;
      case 'require':
        head.push(`const { ${stmt.named.map(property).join(', ')} } = require(${q(stmt.spec)});`);
        for (const element of stmt.named) top({ ref: element.local, position: 'value' });
        break;
      case 'requireNs':
        head.push(`const ${stmt.local} = require(${q(stmt.spec)});`);
        for (const member of stmt.members) top({ ref: `${stmt.local}.${member}`, position: 'value' });
        break;
      case 'requireMember':
        head.push(`const ${stmt.local} = require(${q(stmt.spec)}).${stmt.name};`);
        top({ ref: stmt.local, position: 'value' });
        break;
      case 'importEquals':
        head.push(`import ${stmt.local} = require(${q(stmt.spec)});`);
        for (const member of stmt.members) top(useOf(`${stmt.local}.${member}`, info(stmt.mod, member), false));
        break;
      case 'awaitImport': {
        const ids = stmt.named.map(() => nextId());
        body.push(
          [
            `export async function lazy${index}() {`,
            `  const { ${stmt.named.map(property).join(', ')} } = await import(${q(stmt.spec)});`,
            ...stmt.named.map((element, i) => `  const ${ids[i]} = ${element.local};`),
            `  return [${ids.join(', ')}];`,
            '}',
          ].join('\n'),
        );
        break;
      }
      case 'requireActual': {
        const ids = stmt.named.map(() => nextId());
        body.push(
          [
            `it('uses the actual module ${index}', () => {`,
            `  const { ${stmt.named.map(property).join(', ')} } = jest.requireActual(${q(stmt.spec)});`,
            ...stmt.named.map((element, i) => `  const ${ids[i]} = ${element.local};`),
            `  expect([${ids.join(', ')}]).toBeDefined();`,
            '});',
          ].join('\n'),
        );
        break;
      }
      case 'mock':
        head.push(`jest.mock(${q(stmt.spec)}, () => ({ ...jest.requireActual(${q(stmt.spec)}), ${stmt.keys.map((key) => `${key}: jest.fn(), `).join('')}}));`);
        break;
      case 'local':
        head.push(
          stmt.form === 'const'
            ? `const ${stmt.name} = 'local';`
            : stmt.form === 'function'
              ? `function ${stmt.name}(): string { return 'local'; }`
              : stmt.form === 'class'
                ? `class ${stmt.name} {}`
                : `type ${stmt.name} = 'local';`,
        );
        top({ ref: stmt.name, position: stmt.form === 'type' ? 'type' : 'value' });
        break;
      case 'importTypeQuery': {
        const exportInfo = info(stmt.mod, stmt.name);
        body.push(renderUse({ ref: `import(${q(stmt.spec)}).${stmt.name}`, position: exportInfo.type ? 'type' : 'typeof' }, nextId(), true));
        break;
      }
      case 'comment':
        head.push(stmt.text);
        break;
    }
  });
  return `${head.join('\n')}\n\n${body.join('\n')}\n`;
}

export const fileArb: fc.Arbitrary<string> = fc.array(stmtArb, { minLength: 1, maxLength: 8 }).map((stmts) => render(dedupe(stmts)));

// ---------------------------------------------------------------------------------------------
// The resolver: reads a text (input or output) with the TypeScript parser.

type Binding = { kind: 'binding'; mod: ModId | undefined; name: string } | { kind: 'namespace'; mod: ModId | undefined } | { kind: 'local'; name: string } | { kind: 'unbound'; name: string };

function parse(text: string): ts.SourceFile {
  return ts.createSourceFile('generated.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function parseErrors(text: string): string[] {
  const diagnostics = (parse(text) as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

/** The module a module-valued expression names: `require(s)`, `jest.requireActual(s)`, `await import(s)`. */
function moduleCall(expression: ts.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  if (ts.isAwaitExpression(expression)) expression = expression.expression;
  if (!ts.isCallExpression(expression)) return undefined;
  const callee = expression.expression;
  const isModuleCall =
    callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require') || (ts.isPropertyAccessExpression(callee) && callee.getText() === 'jest.requireActual');
  const [argument] = expression.arguments;
  return isModuleCall && argument && ts.isStringLiteral(argument) ? argument.text : undefined;
}

function bindingIn(statements: readonly ts.Statement[], name: string): Binding | undefined {
  for (const statement of statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const mod = moduleOf(statement.moduleSpecifier.text);
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name?.text === name) return { kind: 'binding', mod, name: 'default' };
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return { kind: 'namespace', mod };
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) if (element.name.text === name) return { kind: 'binding', mod, name: (element.propertyName ?? element.name).text };
      }
    } else if (ts.isImportEqualsDeclaration(statement) && statement.name.text === name) {
      const reference = statement.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) return { kind: 'namespace', mod: moduleOf(reference.expression.text) };
      return { kind: 'local', name };
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const target = declaration.name;
        if (ts.isIdentifier(target)) {
          if (target.text !== name) continue;
          const whole = moduleCall(declaration.initializer);
          if (whole !== undefined) return { kind: 'namespace', mod: moduleOf(whole) };
          const init = declaration.initializer;
          if (init && ts.isPropertyAccessExpression(init)) {
            const member = moduleCall(init.expression);
            if (member !== undefined) return { kind: 'binding', mod: moduleOf(member), name: init.name.text };
          }
          return { kind: 'local', name };
        }
        if (ts.isObjectBindingPattern(target)) {
          for (const element of target.elements) {
            if (!ts.isIdentifier(element.name) || element.name.text !== name) continue;
            const source = moduleCall(declaration.initializer);
            const property = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
            return source !== undefined ? { kind: 'binding', mod: moduleOf(source), name: property } : { kind: 'local', name };
          }
        }
      }
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) &&
      statement.name?.text === name
    ) {
      return { kind: 'local', name };
    }
  }
  return undefined;
}

/** The binding an identifier refers to, looked up scope by scope (blocks, then the file). */
function resolveName(node: ts.Node, name: string): Binding {
  for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
    if (ts.isBlock(scope) || ts.isSourceFile(scope)) {
      const found = bindingIn(scope.statements, name);
      if (found) return found;
    }
  }
  return { kind: 'unbound', name };
}

function declOfBinding(binding: Binding, member?: string): string {
  switch (binding.kind) {
    case 'binding':
      return member === undefined ? exportOf(binding.mod, binding.name) : `<member ${member} of binding ${exportOf(binding.mod, binding.name)}>`;
    case 'namespace':
      return member === undefined ? `namespace of ${binding.mod ? MODULE_FILES[binding.mod] : 'unknown'}` : exportOf(binding.mod, member);
    case 'local':
      return member === undefined ? `local ${binding.name}` : `<member ${member} of local ${binding.name}>`;
    case 'unbound':
      return `<unbound ${binding.name}${member === undefined ? '' : `.${member}`}>`;
  }
}

/** What an entity (`a`, `ns.X`) written at `node` refers to. */
function resolveEntity(entity: ts.Node): string {
  if (ts.isIdentifier(entity)) return declOfBinding(resolveName(entity, entity.text));
  if ((ts.isPropertyAccessExpression(entity) || ts.isQualifiedName(entity)) && ts.isIdentifier(ts.isQualifiedName(entity) ? entity.left : entity.expression)) {
    const left = (ts.isQualifiedName(entity) ? entity.left : entity.expression) as ts.Identifier;
    const right = ts.isQualifiedName(entity) ? entity.right.text : entity.name.text;
    return declOfBinding(resolveName(entity, left.text), right);
  }
  if (ts.isArrayLiteralExpression(entity) && entity.elements.length === 1) return `[${resolveEntity(entity.elements[0]!)}]`;
  return `<unresolved ${entity.getText()}>`;
}

/**
 * Everything the file refers to, keyed so that input and output can be compared:
 * `use <id>` for each use in the body, `export <name>` for each name it re-exports,
 * `mock <n> key <k>` for each key of the n-th mock factory.
 */
function meanings(text: string): Map<string, string> {
  const file = parse(text);
  const result = new Map<string, string>();
  const starNames = new Map<string, Set<string>>();
  const explicit = new Map<string, string>();
  let mocks = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text.startsWith('__use_') && node.initializer) {
      result.set(`use ${node.name.text}`, resolveEntity(node.initializer));
    } else if (ts.isTypeAliasDeclaration(node) && node.name.text.startsWith('__use_')) {
      const type = node.type;
      let meaning: string;
      if (ts.isTypeReferenceNode(type)) meaning = resolveEntity(type.typeName);
      else if (ts.isTypeQueryNode(type)) meaning = `typeof ${resolveEntity(type.exprName)}`;
      else if (ts.isImportTypeNode(type) && ts.isLiteralTypeNode(type.argument) && ts.isStringLiteral(type.argument.literal) && type.qualifier && ts.isIdentifier(type.qualifier)) {
        meaning = `${type.isTypeOf ? 'typeof ' : ''}${exportOf(moduleOf(type.argument.literal.text), type.qualifier.text)}`;
      } else meaning = `<unresolved type ${type.getText()}>`;
      result.set(`use ${node.name.text}`, meaning.replace(/^typeof /, ''));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const mod = moduleOf(node.moduleSpecifier.text);
      if (!node.exportClause) {
        for (const name of mod ? Object.keys(MODULES[mod]) : []) {
          if (name === 'default') continue;
          const set = starNames.get(name) ?? new Set<string>();
          set.add(exportOf(mod, name));
          starNames.set(name, set);
        }
      } else if (ts.isNamedExports(node.exportClause)) {
        for (const element of node.exportClause.elements) {
          const key = `export ${element.name.text}`;
          const meaning = exportOf(mod, (element.propertyName ?? element.name).text);
          explicit.set(key, explicit.has(key) ? `<exported twice: ${explicit.get(key)} and ${meaning}>` : meaning);
        }
      } else explicit.set(`export * as ${node.exportClause.name.text}`, `namespace of ${mod}`);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.getText() === 'jest.mock') {
      const [specArg, factory] = node.arguments;
      const mod = specArg && ts.isStringLiteral(specArg) ? moduleOf(specArg.text) : undefined;
      const index = mocks++;
      let body = factory && ts.isArrowFunction(factory) ? factory.body : undefined;
      while (body && ts.isParenthesizedExpression(body)) body = body.expression;
      if (body && ts.isObjectLiteralExpression(body)) {
        let position = 0;
        for (const prop of body.properties) {
          if (ts.isPropertyAssignment(prop) && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) result.set(`mock ${index} key #${position++}`, exportOf(mod, prop.name.text));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // The file's export surface: explicit re-exports win over `export *`; an ambiguous star name is not exported.
  for (const [name, decls] of starNames) {
    if (!explicit.has(`export ${name}`) && decls.size === 1) result.set(`export ${name}`, [...decls][0]!);
  }
  for (const [key, meaning] of explicit) result.set(key, meaning);
  return result;
}

function normalisedMeanings(text: string): Record<string, string> {
  return Object.fromEntries([...meanings(text)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------------
// Legacy references left in code.

interface LegacyReference {
  what: string;
  /** The module's repo-relative file, as findings name it. */
  file: string;
  line: number;
  endLine: number;
}

/** Code references to a legacy module, or to the moved export through its old module. */
function legacyReferences(text: string): LegacyReference[] {
  const file = parse(text);
  const found: LegacyReference[] = [];
  const lineOf = (position: number): number => file.getLineAndCharacterOfPosition(position).line + 1;
  const statementOf = (node: ts.Node): ts.Node => {
    let current: ts.Node = node;
    while (current.parent && !ts.isSourceFile(current.parent) && !ts.isBlock(current.parent)) current = current.parent;
    return current;
  };
  const add = (literal: ts.StringLiteral, names: string[] | 'all'): void => {
    const mod = moduleOf(literal.text);
    if (!mod) return;
    const legacy = LEGACY_MODULES.has(mod) || (mod === MOVED.module && (names === 'all' || names.includes(MOVED.name)));
    if (!legacy) return;
    if (mod === MOVED.module && names === 'all' && !namespaceUses(literal).includes(MOVED.name)) return;
    const statement = statementOf(literal);
    found.push({ file: MODULE_FILES[mod], what: `'${literal.text}' (${statement.getText().split('\n')[0]})`, line: lineOf(statement.getStart()), endLine: lineOf(statement.getEnd()) });
  };
  // For a namespace of lib/manager_functions.ts, only `ns.createManagerForUser` is a reference to the moved export.
  const namespaceUses = (literal: ts.StringLiteral): string[] => {
    let local: string | undefined;
    const owner = literal.parent;
    if (ts.isImportDeclaration(owner) && owner.importClause?.namedBindings && ts.isNamespaceImport(owner.importClause.namedBindings)) local = owner.importClause.namedBindings.name.text;
    else if (ts.isExternalModuleReference(owner) && ts.isImportEqualsDeclaration(owner.parent)) local = owner.parent.name.text;
    else if (ts.isCallExpression(owner) && ts.isVariableDeclaration(owner.parent) && ts.isIdentifier(owner.parent.name)) local = owner.parent.name.text;
    else if (ts.isCallExpression(owner) && ts.isPropertyAccessExpression(owner.parent)) return [owner.parent.name.text];
    if (!local) return [];
    const members: string[] = [];
    const visit = (node: ts.Node): void => {
      if (
        (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === local) ||
        (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && node.left.text === local)
      ) {
        members.push(ts.isPropertyAccessExpression(node) ? node.name.text : node.right.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return members;
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      let names: string[] | 'all' = 'all';
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        if (clause && !(clause.namedBindings && ts.isNamespaceImport(clause.namedBindings))) {
          names = [
            ...(clause.name ? ['default'] : []),
            ...(clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((element) => (element.propertyName ?? element.name).text) : []),
          ];
        }
      } else if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        names = node.exportClause.elements.map((element) => (element.propertyName ?? element.name).text);
      }
      add(node.moduleSpecifier, names);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) {
      add(node.expression, 'all');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal, node.qualifier && ts.isIdentifier(node.qualifier) ? [node.qualifier.text] : 'all');
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [argument] = node.arguments;
      const isModuleCall =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) && /^jest\.(mock|doMock|dontMock|requireActual)$/.test(callee.getText()));
      if (isModuleCall && argument && ts.isStringLiteral(argument)) {
        let names: string[] | 'all' = 'all';
        let holder: ts.Node = node.parent;
        if (ts.isAwaitExpression(holder)) holder = holder.parent;
        if (ts.isVariableDeclaration(holder) && ts.isObjectBindingPattern(holder.name)) {
          names = holder.name.elements.map((element) => (element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : (element.name as ts.Identifier).text));
        }
        add(argument, names);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

// ---------------------------------------------------------------------------------------------
// The properties.

export interface Verdict {
  ok: boolean;
  problems: string[];
  input: string;
  output?: string;
}

export function check(input: string): Verdict {
  const problems: string[] = [];
  const inputErrors = parseErrors(input);
  if (inputErrors.length > 0) return { ok: false, problems: [`generator bug: the input does not parse: ${inputErrors.join('; ')}`], input };
  const result: FileResult | undefined = transformFixture('imports', 'generated.ts', input);
  // 1. The rewrite is produced, and it parses.
  if (result?.status === 'error' || result?.status === 'skipped') return { ok: false, problems: [`1. the run failed (${result.status}): ${result.error}`], input };
  const output = result?.newText ?? input;
  const outputErrors = parseErrors(output);
  if (outputErrors.length > 0) problems.push(`1. the output does not parse: ${outputErrors.join('; ')}`);
  // 2. Idempotent.
  const second = transformFixture('imports', 'generated.ts', output);
  if (second?.status === 'error') problems.push(`2. the second run failed: ${second.error}`);
  else if ((second?.newText ?? output) !== output) problems.push(`2. a second run changes the output to:\n${second?.newText}`);
  // 3. No legacy reference left in code without a manual item for it; nothing fixable left.
  const after = result?.findingsAfter ?? [];
  for (const finding of after.filter((candidate) => candidate.fixable)) problems.push(`3. fixable finding left: ${finding.kind} at ${finding.line}:${finding.column}: ${finding.message}`);
  // A reference is accounted for by a manual finding on its statement, or by the file's manual
  // dual-import finding for that module (a kept `export *` of names that stay is reported that way).
  const manual = after.filter((finding) => !finding.fixable);
  for (const reference of legacyReferences(output)) {
    const onStatement = manual.some((finding) => finding.line >= reference.line && finding.line <= reference.endLine);
    const dual = manual.some((finding) => finding.kind === 'dual-import' && finding.message.includes(reference.file));
    if (!onStatement && !dual) problems.push(`3. legacy reference without a manual finding at line ${reference.line}: ${reference.what}`);
  }
  // 4. Every use, re-export and mock key means the same declaration.
  const before = normalisedMeanings(input);
  const afterMeanings = normalisedMeanings(output);
  for (const key of new Set([...Object.keys(before), ...Object.keys(afterMeanings)])) {
    if (before[key] !== afterMeanings[key]) problems.push(`4. ${key}: ${before[key] ?? '(absent)'} before, ${afterMeanings[key] ?? '(absent)'} after`);
  }
  for (const [key, meaning] of Object.entries(before)) {
    if (/unbound|unresolved|unknown|no export|twice/.test(meaning)) problems.push(`generator bug: ${key} in the input is ${meaning}`);
  }
  return { ok: problems.length === 0, problems, input, output };
}

export function describeVerdict(verdict: Verdict): string {
  return [...verdict.problems, '--- input', verdict.input, '--- output', verdict.output ?? '(none)'].join('\n');
}

function assertProperty(seed: number, numRuns: number): void {
  fc.assert(
    fc.property(fileArb, (input) => {
      const verdict = check(input);
      if (!verdict.ok) throw new Error(describeVerdict(verdict));
    }),
    { seed, numRuns },
  );
}

describe('the fixture project table', () => {
  // The resolver's table must say what lib/*.ts export: names (and default) per module.
  const program = ts.createProgram(
    Object.values(MODULE_FILES).map((file) => path.join(FIXTURES_ROOT, 'imports', file)),
    { strict: true, noEmit: true },
  );
  it.each(Object.entries(MODULE_FILES))('lists exactly the exports of %s', (mod, file) => {
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(path.join(FIXTURES_ROOT, 'imports', file))!;
    const symbol = checker.getSymbolAtLocation(source)!;
    const names = checker.getExportsOfModule(symbol).map((exported) => exported.getName());
    expect(names.sort()).toEqual(Object.keys(MODULES[mod as ModId]).sort());
  });

  it('follows the renames of the config', () => {
    const config = JSON.parse(fs.readFileSync(path.join(FIXTURES_ROOT, 'imports', 'ssot.config.json'), 'utf8')) as {
      legacy: Array<{ module: string; exports: Record<string, string | null> }>;
      moves: Array<{ from: { module: string; export: string }; to: { module: string; export: string } }>;
    };
    for (const legacy of config.legacy) {
      const mod = (Object.keys(MODULE_FILES) as ModId[]).find((candidate) => MODULE_FILES[candidate] === legacy.module);
      if (!mod) continue; // the package `legacy-ws-client` is not part of this fixture folder
      for (const [name, target] of Object.entries(legacy.exports)) {
        if (target === null) expect(MODULES[mod][name]!.decl).toBe(`${legacy.module}#${name}`);
        else expect(MODULES[mod][name]!.decl).toBe(UNIFIED[target]!.decl);
      }
    }
    for (const move of config.moves) expect(MODULES.functions[move.from.export]!.decl).toBe(UNIFIED[move.to.export]!.decl);
  });

  it('resolves the documented example the way the fixture pair rewrites it', () => {
    const input = fs.readFileSync(path.join(FIXTURES_ROOT, 'imports', 'namespace-partial.input.ts'), 'utf8');
    const output = fs.readFileSync(path.join(FIXTURES_ROOT, 'imports', 'namespace-partial.output.ts'), 'utf8');
    expect(legacyReferences(input).length).toBe(1);
    expect(check(input).problems).toEqual([]);
    expect(check(output).problems).toEqual([]);
  });
});

describe('imports properties (fast-check, seed 42)', () => {
  it('hold for 200 generated import sections', () => {
    assertProperty(42, 200);
  });
});

describe('imports properties, more runs (fast-check, seed 1337)', () => {
  it('hold for 800 generated import sections', () => {
    assertProperty(1337, 800);
  });
});

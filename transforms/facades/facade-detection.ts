// Finds the modules that only hand the canonical implementation on (facades) and the ones that
// compete with it with logic of their own (real modules), by following every export to its
// origin across files. Phase 2 and `init` both start here; each verdict carries its evidence.
import type { ASTNode, Collection } from 'jscodeshift';
import type { ProjectServices, ResolvedModule } from '../../src/phase-api/define-phase.js';
import { importDeclarations, nameOf, programBody } from '../shared/ast-edits.js';
import { termOf } from '../shared/canonical-map.js';
import { namesModuleOf } from '../shared/specifier-prefilter.js';
import { readModuleExports } from '../shared/module-exports.js';
import { forEachNodeHolding, offsetsOf } from '../shared/plain-walk.js';
import { readInlineTemplate, type InlineTemplate } from './facade-inline.js';

export type FacadeKind = 're-export' | 'alias' | 'empty-subclass' | 'delegating-wrapper' | 'deprecated-shim' | 'default-flip';
/** text: a one-line human summary, e.g. "export const WebSocketManager = UnifiedWebSocketManager". */
export interface Evidence {
  line: number;
  column: number;
  text: string;
}
export interface FacadeModule {
  file: string;
  kinds: FacadeKind[];
  evidence: Array<Evidence & { kind: FacadeKind }>;
}
/** What makes a module real: state, side effects, non-trivial bodies, its own implementation of a canonical name. */
export interface ModuleWithOwnLogic {
  file: string;
  reasons: Evidence[];
}
export interface FacadeSurvey {
  facades: FacadeModule[];
  /** The real modules: each with the reasons it is more than a facade. */
  real: ModuleWithOwnLogic[];
}

/** Where one export of a facade leads: another module's export, or a call shape to inline. */
export type ExportRole =
  | { kind: 'forward'; target: ResolvedModule; name: string }
  | { kind: 'inline'; template: InlineTemplate }
  /** A class of static delegating methods: each member call is inlined. */
  | { kind: 'inline-members'; members: Map<string, InlineTemplate> };

/** One facade with what each of its exports becomes. */
export interface FacadeDetail extends FacadeModule {
  roles: Map<string, ExportRole>;
  /**
   * Set for a barrel found by `facades.discover: "barrels"`: a facade of whatever it hands on.
   * handsOnUnlisted: the one module behind an `export *` whose names cannot be listed (a
   * package), where every name the barrel does not list comes from. stars: the modules its
   * `export *` name; listed: the names it hands on by name; namespaces: those of `export * as`.
   */
  barrel?: { handsOnUnlisted: ResolvedModule | undefined; stars: ResolvedModule[]; listed: string[]; namespaces: string[] };
}

/** The full survey: what phase 2 needs beyond the public summary. */
export interface FacadeGraph {
  canonical: ResolvedModule;
  facades: Map<string, FacadeDetail>;
  withOwnLogic: Map<string, ModuleWithOwnLogic>;
}

/** Every module of the repo that hands on, wraps or re-implements a canonical export (canonicalFile: repo-relative path of the canonical module). */
export function surveyFacades(project: ProjectServices, canonicalFile: string): FacadeSurvey {
  const graph = buildFacadeGraph(project, canonicalFile);
  return {
    facades: [...graph.facades.values()].map(({ file, kinds, evidence }) => ({ file, kinds, evidence })),
    real: [...graph.withOwnLogic.values()],
  };
}

export function buildFacadeGraph(project: ProjectServices, canonicalFile: string, declared: readonly string[] = []): FacadeGraph {
  const canonical: ResolvedModule = { key: canonicalFile, isFile: true };
  const canonicalRoot = project.parseFile(canonicalFile);
  const canonicalMethods = canonicalRoot ? classMethodNames(project, canonicalRoot) : new Set<string>();
  // Classes first: the canonical class's name is what a competing implementation is named like.
  const canonicalClasses = new Set(
    canonicalRoot
      ? canonicalRoot
          .find(project.j.ClassDeclaration)
          .nodes()
          .flatMap((node) => (node.id ? [nameOf(node.id)] : []))
      : [],
  );
  const canonicalNames = canonicalRoot
    ? [...readModuleExports(canonicalRoot).named.keys()].filter((name) => name !== 'default').sort((a, b) => Number(canonicalClasses.has(b)) - Number(canonicalClasses.has(a)))
    : [];
  const graph: FacadeGraph = { canonical, facades: new Map(), withOwnLogic: new Map() };
  // Modules whose exports lead to the canonical implementation: it, and each facade found.
  const leading = new Set([canonicalFile]);
  const verdicts = new Map<string, ModuleVerdict>();
  const declaredSet = new Set(declared);
  // Each round looks again only at files that name a module found in the round before: a
  // verdict changes only when something the file imports turned out to lead to the canonical one.
  let fresh = [canonicalFile];
  for (let round = 0; round < 20 && fresh.length > 0; round++) {
    const terms = fresh.map((key) => (project.readFile(key) === undefined ? key : termOf(key)));
    const added: string[] = [];
    for (const file of project.files) {
      if (file === canonicalFile || graph.facades.has(file)) continue;
      const text = project.readFile(file);
      if (text === undefined) continue;
      // A string naming the module (resolved, so `core` in prose or in another path is not enough).
      const namesCanonical = namesModuleOf(text, file, terms, project, (key) => leading.has(key));
      const reimplements = round === 0 && canonicalNames.some((name) => text.includes(`class ${name}`) || text.includes(`function ${name}`));
      if (!namesCanonical && !reimplements && !(round === 0 && declaredSet.has(file))) continue;
      const parsed = project.parseSyntaxTree(file);
      if (!parsed) continue;
      const verdict = judgeModule(project, file, parsed, graph, { methods: canonicalMethods, names: canonicalNames, classes: canonicalClasses });
      verdicts.set(file, verdict);
      if (verdict.facade) {
        graph.facades.set(file, verdict.facade);
        graph.withOwnLogic.delete(file);
        leading.add(file);
        added.push(file);
      } else if (verdict.ownLogic) {
        graph.withOwnLogic.set(file, verdict.ownLogic);
      } else {
        graph.withOwnLogic.delete(file);
      }
    }
    fresh = added;
  }
  return graph;
}

/** What the canonical module declares: public method names of its classes, its export names (classes first), its class names. */
interface CanonicalShape {
  methods: Set<string>;
  names: string[];
  classes: Set<string>;
}

interface ModuleVerdict {
  facade?: FacadeDetail;
  ownLogic?: ModuleWithOwnLogic;
}

/** A name bound in a module by an import, and where it finally leads. */
interface Binding {
  module: ResolvedModule;
  name: string;
  /** Set when the name leads to the canonical module (directly or through a facade). */
  canonicalName?: string;
  /** The final role when it leads through a facade to an inlined wrapper. */
  inlineRole?: ExportRole;
}

function judgeModule(project: ProjectServices, file: string, { source, root }: { source: string; root: Collection }, graph: FacadeGraph, canonical: CanonicalShape): ModuleVerdict {
  const bindings = new Map<string, Binding>();
  importDeclarations(project.j, root).forEach(({ node }) => {
    const module = project.resolve(String(node.source.value), file);
    for (const specifier of node.specifiers ?? []) {
      const local = specifier.local ? nameOf(specifier.local) : undefined;
      if (!local || specifier.type === 'ImportNamespaceSpecifier') continue;
      const name = specifier.type === 'ImportSpecifier' ? nameOf(specifier.imported) : 'default';
      bindings.set(local, { module, name, ...whereNameLeads(graph, module, name) });
    }
  });
  const evidence: Array<Evidence & { kind: FacadeKind }> = [];
  const reasons: Evidence[] = [];
  const roles = new Map<string, ExportRole>();
  const lines = (project.readFile(file) ?? '').split('\n');
  const at = (node: ASTNode): { line: number; column: number } => {
    const start = (node as { loc?: { start: { line: number; column: number } } }).loc?.start;
    return { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
  };
  const summary = (node: ASTNode): string => (lines[at(node).line - 1] ?? '').trim().slice(0, 120);
  let passedOnCount = 0;
  const notePassedOn = (node: ASTNode, kind: FacadeKind, exported: string, role: ExportRole, text = summary(node)): void => {
    const leads = role.kind !== 'forward' || role.target.key === graph.canonical.key;
    if (leads) passedOnCount++;
    const where = at(node);
    if (leads && !evidence.some((item) => item.line === where.line && item.kind === kind && item.text === text)) evidence.push({ ...where, kind, text });
    // `export const X = …` and `export type X = …` share a name: the value's role wins.
    if (!roles.has(exported) || role.kind !== 'forward' || roles.get(exported)!.kind === 'forward') roles.set(exported, role);
  };
  const noteOwnLogic = (node: ASTNode, text: string): void => void reasons.push({ ...at(node), text });
  const forwardOf = (binding: Binding): ExportRole =>
    binding.inlineRole ??
    (binding.canonicalName !== undefined ? { kind: 'forward', target: graph.canonical, name: binding.canonicalName } : { kind: 'forward', target: binding.module, name: binding.name });
  let touchesCanonical = false;
  const body = programBody(root);
  const exportedLocals = new Map<string, string[]>();
  for (const statement of body) {
    if (statement.type === 'ExportNamedDeclaration' && !(statement as { source?: unknown }).source) {
      for (const specifier of (statement as { specifiers?: Array<{ local?: unknown; exported: unknown }> }).specifiers ?? []) {
        const local = nameOf(specifier.local ?? specifier.exported);
        exportedLocals.set(local, [...(exportedLocals.get(local) ?? []), nameOf(specifier.exported)]);
      }
    }
  }
  for (const statement of body) {
    switch (statement.type) {
      case 'ImportDeclaration':
      case 'EmptyStatement':
        break;
      case 'ExportAllDeclaration': {
        const node = statement as { source: { value: string }; exported?: { name?: string } | null };
        const module = project.resolve(String(node.source.value), file);
        const destination = whereNameLeads(graph, module, '*');
        if (node.exported?.name) {
          noteOwnLogic(statement, `${summary(statement)}: a namespace re-export`);
          break;
        }
        if (destination.canonicalName !== undefined || graph.facades.has(module.key)) touchesCanonical = true;
        const names = starNames(project, module, graph);
        if (!names) {
          noteOwnLogic(statement, `${summary(statement)}: cannot read what it re-exports`);
          break;
        }
        evidence.push({ ...at(statement), kind: 're-export', text: summary(statement) });
        for (const name of names) if (!roles.has(name)) roles.set(name, forwardOf({ module, name, ...whereNameLeads(graph, module, name) }));
        break;
      }
      case 'ExportNamedDeclaration': {
        const node = statement as { source?: { value: string } | null; declaration?: ASTNode | null; specifiers?: Array<{ type: string; local?: unknown; exported: unknown }> };
        if (node.source) {
          const module = project.resolve(String(node.source.value), file);
          for (const specifier of node.specifiers ?? []) {
            if (specifier.type !== 'ExportSpecifier') {
              noteOwnLogic(statement, `${summary(statement)}: a namespace re-export`);
              continue;
            }
            const imported = nameOf(specifier.local ?? specifier.exported);
            const exported = nameOf(specifier.exported);
            const binding: Binding = { module, name: imported, ...whereNameLeads(graph, module, imported) };
            if (binding.canonicalName !== undefined || binding.inlineRole) touchesCanonical = true;
            notePassedOn(statement, passOnKind(imported, exported), exported, forwardOf(binding));
          }
          break;
        }
        if (node.declaration) {
          const verdict = judgeDeclaration(project, file, source, node.declaration, bindings, graph);
          if (verdict.reason) noteOwnLogic(statement, verdict.reason);
          for (const item of verdict.passedOn ?? []) {
            touchesCanonical = true;
            notePassedOn(statement, item.kind, item.name, item.role, item.text);
          }
          break;
        }
        for (const specifier of node.specifiers ?? []) {
          const local = nameOf(specifier.local ?? specifier.exported);
          const exported = nameOf(specifier.exported);
          const binding = bindings.get(local);
          if (binding) {
            if (binding.canonicalName !== undefined || binding.inlineRole) touchesCanonical = true;
            notePassedOn(statement, passOnKind(binding.name, exported), exported, forwardOf(binding));
          }
          // A local declaration exported by name was judged where it is declared.
        }
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = (statement as { declaration: ASTNode }).declaration;
        const binding = declaration.type === 'Identifier' ? bindings.get(nameOf(declaration)) : undefined;
        if (binding) {
          if (binding.canonicalName !== undefined || binding.inlineRole) touchesCanonical = true;
          notePassedOn(statement, binding.name === 'default' ? 're-export' : 'default-flip', 'default', forwardOf(binding));
          break;
        }
        const verdict = judgeDeclaration(project, file, source, declaration, bindings, graph, 'default');
        if (verdict.reason) noteOwnLogic(statement, verdict.reason);
        for (const item of verdict.passedOn ?? []) {
          touchesCanonical = true;
          notePassedOn(statement, 'default-flip', 'default', item.role, item.text);
        }
        break;
      }
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
      case 'ClassDeclaration':
      case 'FunctionDeclaration':
      case 'VariableDeclaration': {
        const names = declaredNames(statement);
        const exportedAs = names.flatMap((name) => (exportedLocals.get(name) ?? []).map((exported) => ({ name, exported })));
        if (exportedAs.length === 0) {
          noteOwnLogic(statement, describeUnexported(statement, summary(statement)));
          break;
        }
        const verdict = judgeDeclaration(project, file, source, statement, bindings, graph);
        if (verdict.reason) noteOwnLogic(statement, verdict.reason);
        for (const item of verdict.passedOn ?? []) {
          touchesCanonical = true;
          for (const { exported } of exportedAs.filter((entry) => entry.name === item.name)) notePassedOn(statement, item.kind, exported, item.role, item.text);
        }
        break;
      }
      case 'ExpressionStatement':
        noteOwnLogic(statement, `side effect at load: ${summary(statement)}`);
        break;
      default:
        noteOwnLogic(statement, `${statement.type}: ${summary(statement)}`);
    }
  }
  const ownImplementation = reimplementation(project, { source, root }, canonical, bindings);
  if (touchesCanonical && reasons.length === 0 && evidence.length > 0) {
    const kinds = [...new Set(evidence.map((item) => item.kind))];
    return { facade: { file, kinds, evidence, roles } };
  }
  // A module with logic of its own is a competing manager when it re-implements the canonical
  // one, or when most of what it exports hands the canonical one on (a facade that grew logic).
  const exportCount = new Set([...roles.keys(), ...readModuleExports(root).named.keys()]).size;
  const mostlyHandsOn = touchesCanonical && passedOnCount * 2 >= exportCount;
  if (!mostlyHandsOn && !ownImplementation) return {};
  const all = [...(ownImplementation ? [ownImplementation] : []), ...reasons].sort((a, b) => a.line - b.line || a.column - b.column);
  return all.length > 0 ? { ownLogic: { file, reasons: all } } : {};
}

/** How a module passes an import on under a name: as it is, renamed, or flipped between default and named. */
export function passOnKind(imported: string, exported: string): FacadeKind {
  return (imported === 'default') !== (exported === 'default') ? 'default-flip' : imported === exported ? 're-export' : 'alias';
}

/** Where export `name` of `module` leads when the module is canonical or a facade found so far. */
function whereNameLeads(graph: FacadeGraph, module: ResolvedModule, name: string): { canonicalName?: string; inlineRole?: ExportRole } {
  if (module.key === graph.canonical.key) return { canonicalName: name };
  const role = graph.facades.get(module.key)?.roles.get(name);
  if (!role) return {};
  if (role.kind !== 'forward') return { inlineRole: role };
  if (role.target.key === graph.canonical.key) return { canonicalName: role.name };
  return {};
}

/** The names `export * from module` passes on; undefined when they cannot be read. */
function starNames(project: ProjectServices, module: ResolvedModule, graph: FacadeGraph): string[] | undefined {
  if (!module.isFile) return undefined;
  const facade = graph.facades.get(module.key);
  if (facade) return [...facade.roles.keys()].filter((name) => name !== 'default');
  const root = project.parseFile(module.key);
  if (!root) return undefined;
  const exports = readModuleExports(root);
  if (exports.stars.length > 0) return undefined;
  return [...exports.named.keys()].filter((name) => name !== 'default');
}

interface DeclarationVerdict {
  reason?: string;
  passedOn?: Array<{ name: string; kind: FacadeKind; role: ExportRole; text: string }>;
}

function judgeDeclaration(project: ProjectServices, file: string, source: string, declaration: ASTNode, bindings: Map<string, Binding>, graph: FacadeGraph, exportName?: string): DeclarationVerdict {
  const canonicalOf = (node: ASTNode | null | undefined): Binding | undefined => {
    if (!node || node.type !== 'Identifier') return undefined;
    const binding = bindings.get(nameOf(node));
    return binding && (binding.canonicalName !== undefined || binding.inlineRole) ? binding : undefined;
  };
  const forward = (binding: Binding): ExportRole => binding.inlineRole ?? { kind: 'forward', target: graph.canonical, name: binding.canonicalName! };
  const label = (node: { id?: unknown }): string => exportName ?? (node.id ? nameOf(node.id) : 'default');
  switch (declaration.type) {
    case 'VariableDeclaration': {
      const node = declaration as { kind: string; declarations: Array<{ id: ASTNode; init?: ASTNode | null }> };
      const passedOn: NonNullable<DeclarationVerdict['passedOn']> = [];
      for (const declarator of node.declarations) {
        const name = declarator.id.type === 'Identifier' ? nameOf(declarator.id) : undefined;
        const binding = canonicalOf(declarator.init);
        if (name && node.kind === 'const' && binding) {
          passedOn.push({ name, kind: 'alias', role: forward(binding), text: `export const ${name} = ${nameOf(declarator.init)}` });
          continue;
        }
        const wrapper = name && node.kind === 'const' && declarator.init ? readInlineTemplate(source, declarator.init, bindings, graph) : undefined;
        if (name && wrapper?.template) {
          passedOn.push({ name, ...wrapperPassedOn(name, wrapper.template, wrapper.deprecated, graph) });
          continue;
        }
        return { reason: stateReason(node.kind, name ?? '…', declarator.init, wrapper?.why) };
      }
      return { passedOn };
    }
    case 'TSTypeAliasDeclaration': {
      const node = declaration as { id: ASTNode; typeAnnotation: { type: string; typeName?: ASTNode; typeParameters?: unknown } };
      const target = node.typeAnnotation.type === 'TSTypeReference' && !node.typeAnnotation.typeParameters ? canonicalOf(node.typeAnnotation.typeName) : undefined;
      if (!target || target.inlineRole) return { reason: `declares type ${nameOf(node.id)}` };
      return { passedOn: [{ name: nameOf(node.id), kind: 'alias', role: forward(target), text: `export type ${nameOf(node.id)} = ${target.name}` }] };
    }
    case 'TSInterfaceDeclaration': {
      const node = declaration as { id: ASTNode; body: { body: unknown[] }; extends?: Array<{ expression: ASTNode; typeParameters?: unknown }> | null };
      const parents = node.extends ?? [];
      const target = parents.length === 1 && !parents[0]!.typeParameters && node.body.body.length === 0 ? canonicalOf(parents[0]!.expression) : undefined;
      if (!target || target.inlineRole) return { reason: `declares interface ${nameOf(node.id)}` };
      return { passedOn: [{ name: nameOf(node.id), kind: 'alias', role: forward(target), text: `export interface ${nameOf(node.id)} extends ${target.name} {}` }] };
    }
    case 'ClassDeclaration': {
      const node = declaration as { id?: ASTNode | null; superClass?: ASTNode | null; body: { body: ASTNode[] }; decorators?: unknown[] | null; implements?: unknown[] | null };
      const name = label(node);
      const parent = canonicalOf(node.superClass);
      if (parent && !parent.inlineRole && (node.decorators ?? []).length === 0 && node.body.body.every(isPassThroughConstructor)) {
        return { passedOn: [{ name, kind: 'empty-subclass', role: forward(parent), text: `class ${name} extends ${nameOf(node.superClass)} {}` }] };
      }
      if (!node.superClass && node.body.body.length > 0 && node.body.body.every((member) => member.type === 'ClassMethod' && (member as { static?: boolean }).static)) {
        const members = new Map<string, InlineTemplate>();
        for (const member of node.body.body) {
          const method = member as { key: ASTNode; kind: string; computed?: boolean };
          const wrapper = method.kind === 'method' && !method.computed ? readInlineTemplate(source, member, bindings, graph) : undefined;
          if (!wrapper?.template) return { reason: `non-trivial body: static ${name}.${nameOf(method.key)}${wrapper?.why ? ` (${wrapper.why})` : ''}` };
          members.set(nameOf(method.key), wrapper.template);
        }
        return { passedOn: [{ name, kind: 'delegating-wrapper', role: { kind: 'inline-members', members }, text: `class ${name}: static ${[...members.keys()].join(', ')} only delegate` }] };
      }
      return { reason: `declares class ${name} with its own members` };
    }
    case 'FunctionDeclaration':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression': {
      const name = label(declaration);
      const wrapper = readInlineTemplate(source, declaration, bindings, graph);
      if (!wrapper.template) return { reason: `non-trivial body: function ${name}${wrapper.why ? ` (${wrapper.why})` : ''}` };
      return { passedOn: [{ name, ...wrapperPassedOn(name, wrapper.template, wrapper.deprecated, graph) }] };
    }
    default:
      return { reason: `declares ${declaration.type}` };
  }
}

/** A wrapper that passes its parameters on unchanged is an alias of its callee; otherwise it is inlined. */
function wrapperPassedOn(name: string, template: InlineTemplate, deprecated: boolean, graph: FacadeGraph): { kind: FacadeKind; role: ExportRole; text: string } {
  const kind: FacadeKind = deprecated ? 'deprecated-shim' : 'delegating-wrapper';
  const passThrough = template.passThrough;
  if (passThrough && passThrough.target.key === graph.canonical.key) {
    return {
      kind,
      role: { kind: 'forward', target: passThrough.target, name: passThrough.name },
      text: `${name}(${template.params.join(', ')}) only calls ${passThrough.name}(${template.params.join(', ')})`,
    };
  }
  return { kind, role: { kind: 'inline', template }, text: `${name}(${template.params.join(', ')}) only calls ${template.text}` };
}

function isPassThroughConstructor(member: ASTNode): boolean {
  const method = member as { type: string; kind?: string; params?: ASTNode[]; body?: { body: ASTNode[] } };
  if (method.type !== 'ClassMethod' || method.kind !== 'constructor') return false;
  const params = (method.params ?? []).map((param) =>
    param.type === 'Identifier' ? nameOf(param) : param.type === 'RestElement' ? `...${nameOf((param as { argument: ASTNode }).argument)}` : undefined,
  );
  if (params.some((param) => param === undefined)) return false;
  const statements = method.body?.body ?? [];
  if (statements.length !== 1 || statements[0]!.type !== 'ExpressionStatement') return false;
  const call = (statements[0] as { expression: ASTNode }).expression as { type: string; callee?: ASTNode; arguments?: ASTNode[] };
  if (call.type !== 'CallExpression' || call.callee?.type !== 'Super') return false;
  const args = (call.arguments ?? []).map((arg) => (arg.type === 'Identifier' ? nameOf(arg) : arg.type === 'SpreadElement' ? `...${nameOf((arg as { argument: ASTNode }).argument)}` : undefined));
  return args.join(',') === params.join(',');
}

function stateReason(kind: string, name: string, init: ASTNode | null | undefined, why: string | undefined): string {
  if (kind !== 'const') return `holds state: ${kind} ${name}`;
  if (init?.type === 'NewExpression') return `holds state: const ${name} = new ${nameOf((init as { callee: ASTNode }).callee)}…`;
  if (init?.type === 'ArrayExpression' || init?.type === 'ObjectExpression') return `holds state: const ${name} = ${init.type === 'ArrayExpression' ? '[…]' : '{…}'}`;
  return `non-trivial body: const ${name}${why ? ` (${why})` : ''}`;
}

function describeUnexported(statement: ASTNode, text: string): string {
  if (statement.type === 'VariableDeclaration') {
    const node = statement as { kind: string; declarations: Array<{ id: ASTNode; init?: ASTNode | null }> };
    const first = node.declarations[0];
    return stateReason(
      node.kind === 'const' && first?.init?.type !== 'NewExpression' && first?.init?.type !== 'ArrayExpression' && first?.init?.type !== 'ObjectExpression'
        ? 'const'
        : node.kind === 'const'
          ? 'const'
          : node.kind,
      first ? (first.id.type === 'Identifier' ? nameOf(first.id) : '…') : '…',
      first?.init,
      'a module-level value of its own',
    );
  }
  return `declares its own ${text}`;
}

function declaredNames(statement: ASTNode): string[] {
  if (statement.type === 'VariableDeclaration') {
    return (statement as { declarations: Array<{ id: ASTNode }> }).declarations.filter((item) => item.id.type === 'Identifier').map((item) => nameOf(item.id));
  }
  const id = (statement as { id?: ASTNode | null }).id;
  return id ? [nameOf(id)] : [];
}

/** Public method names of the classes a module declares. */
function classMethodNames(project: ProjectServices, root: Collection): Set<string> {
  const names = new Set<string>();
  root.find(project.j.ClassDeclaration).forEach(({ node }) => {
    for (const name of methodNamesOf(node)) names.add(name);
  });
  return names;
}

function methodNamesOf(classNode: ASTNode): Set<string> {
  const names = new Set<string>();
  for (const member of (classNode as { body: { body: ASTNode[] } }).body.body) {
    const method = member as { type: string; key?: ASTNode; kind?: string; accessibility?: string; static?: boolean; computed?: boolean };
    if (method.type !== 'ClassMethod' || method.kind !== 'method' || method.static || method.computed || method.accessibility === 'private' || method.accessibility === 'protected') continue;
    if (method.key) names.add(nameOf(method.key));
  }
  return names;
}

/**
 * A class that re-implements the canonical one (declares canonical method names and keeps no
 * canonical instance of its own to call), or a declaration named like a canonical export.
 */
function reimplementation(project: ProjectServices, { source, root }: { source: string; root: Collection }, canonical: CanonicalShape, bindings: Map<string, Binding>): Evidence | undefined {
  const { j } = project;
  const { methods: canonicalMethods, names: canonicalNames, classes: canonicalClasses } = canonical;
  let found: Evidence | undefined;
  const canonicalClass = canonicalNames.find((name) => /^[A-Z]/.test(name) && /[a-z]/.test(name) && !/(Type|Message|Protocol|Connection|Config)$/.test(name)) ?? '';
  const canonicalNoun = /[A-Z][a-z0-9]*$/.exec(canonicalClass)?.[0] ?? '\0';
  const usesCanonicalInstance = (node: ASTNode): boolean => {
    let uses = false;
    j(node as never)
      .find(j.TSTypeReference)
      .forEach(({ node: reference }) => {
        const binding = reference.typeName.type === 'Identifier' ? bindings.get(reference.typeName.name) : undefined;
        // Holding a canonical class instance (not a context or message type) is wrapping it.
        if (
          binding?.canonicalName !== undefined &&
          (canonicalClasses.size > 0 ? canonicalClasses.has(binding.canonicalName) : /^[A-Z]/.test(binding.canonicalName) && !/Message|Event|Type|Connection$/.test(binding.canonicalName))
        )
          uses = true;
      });
    return uses;
  };
  // Only the subtrees that say `class` can hold a class declaration.
  forEachNodeHolding(root.paths()[0]?.node ?? {}, offsetsOf(source, /\bclass\b/g), (declaration, ancestors) => {
    if (declaration.type !== 'ClassDeclaration') return;
    const node = declaration;
    if (found || !node.id) return;
    const name = nameOf(node.id);
    const own = methodNamesOf(node);
    const shared = [...own].filter((method) => canonicalMethods.has(method));
    // An exported class is reported at its export statement, where the other reasons point.
    const parent = ancestors[ancestors.length - 1];
    const located = parent && /^Export(Named|Default)Declaration$/.test(parent.type) ? parent : node;
    const loc = (located as { loc?: { start: { line: number; column: number } } | null }).loc?.start;
    const where = { line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 };
    if (canonicalNames.includes(name)) found = { ...where, text: `its own implementation of ${name}` };
    // One shared method name is common (`sendMessage`); with a name like the canonical class's it is not.
    else if ((shared.length > 1 || (shared.length === 1 && name.endsWith(canonicalNoun))) && !node.superClass && !usesCanonicalInstance(node)) {
      found = { ...where, text: `its own implementation of canonical methods: class ${name} declares ${shared.join(', ')}` };
    }
  });
  return found;
}

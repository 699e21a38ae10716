// Phase 1, imports: every reference to a legacy module path is pointed at the canonical module,
// with exported names renamed per the config, local names kept, and imports of the canonical
// module merged. Detection and rewriting share `planFile`, so what `scan` counts is what `run` fixes.
import type { ASTNode, ASTPath, CallExpression, ImportDeclaration, ExportNamedDeclaration, StringLiteral } from 'jscodeshift';
import type { Finding, Mention } from '../src/result/types.js';
import { definePhase, touch, type FileContext, type ProjectServices, type ResolvedModule } from './utils/define-phase.js';
import { CanonicalMap, type ModuleRole } from './utils/canonical-map.js';
import { findModuleReferences, type ModuleReference } from './utils/module-references.js';
import { namespaceUsage, type MemberUse } from './utils/namespace-usage.js';
import { writeSpecifier } from './utils/specifier-style.js';
import { enclosingStatement, freeName, insertAbove, removeStatement, setStringValue, usedNames } from './utils/ast-edits.js';
import { findMentions } from './utils/mentions.js';
import { readModuleExports } from './utils/module-exports.js';

interface ImportsState {
  map: CanonicalMap;
  project: ProjectServices;
  terms: string[];
  legacyTerms: string[];
}

/** One name a reference takes from a module, and where it goes. */
interface NameMove {
  name: string;
  target: ResolvedModule;
  targetName: string;
}

/** What phase 1 will do with one module reference. */
interface ReferencePlan {
  reference: ModuleReference;
  module: ResolvedModule;
  role: Exclude<ModuleRole, 'canonical'>;
  moves: NameMove[];
  /** Names that stay on the legacy module, each with the reason. */
  stays: Array<{ name: string; reason: string }>;
  /** Set when the reference cannot be rewritten safely: the reason a human must act. */
  manual?: string;
  /** Set when the rewritten file still needs this reference, and for what (an `export *` that keeps names). */
  keepsReference?: string;
  /** Applies the rewrite; present only for fixable plans. */
  fix?: (editor: FileEditor) => void;
}

interface FilePlan {
  plans: ReferencePlan[];
  referencesCanonical: boolean;
  /** References that make a file a legacy importer: see `planFile`. */
  legacyReferences: Array<{ reference: ModuleReference; module: ResolvedModule }>;
  codeLiterals: Set<ASTNode>;
}

export default definePhase<ImportsState>({
  meta: {
    id: 'imports',
    title: 'import consolidation',
    description: 'Points every reference to a legacy module path at the canonical module and merges duplicate imports.',
  },

  prepare(project) {
    const map = new CanonicalMap(project);
    return { map, project, terms: map.prefilterTerms(), legacyTerms: map.legacyTerms() };
  },

  mayMatter(text, state) {
    return state.terms.some((term) => text.includes(term));
  },

  detect(file, state) {
    const { plans, referencesCanonical, legacyReferences, codeLiterals } = planFile(file, state);
    const findings: Finding[] = [];
    for (const plan of plans) findings.push(...findingsOf(file.file, plan));
    // Configured legacy modules are facades themselves (phase 2 counts them), not consumers.
    // A barrel that re-exports both is a dual import like any other file.
    const role = state.map.roleOf(file.file);
    const isFacade = role === 'legacy' || role === 'moves';
    const dual = isFacade ? undefined : dualImportFinding(file.file, plans, legacyReferences, referencesCanonical);
    if (dual) findings.push(dual);
    const mentions: Mention[] = findMentions(file, state.legacyTerms, 'imports', codeLiterals);
    return { findings, mentions };
  },

  apply(file, state) {
    const { plans } = planFile(file, state);
    const fixes = plans.filter((plan) => plan.fix);
    if (fixes.length === 0) return false;
    const editor = new FileEditor(file, state);
    // Side-effect imports go last: whether one is still needed depends on the other rewrites.
    const ordered = [...fixes.filter((plan) => !isSideEffectImport(plan)), ...fixes.filter(isSideEffectImport)];
    for (const plan of ordered) {
      touch(file, (enclosingStatement(plan.reference.literal) ?? plan.reference.owner).node);
      plan.fix!(editor);
    }
    return true;
  },
});

/**
 * A file that imports both a legacy path and the canonical one, now or after the rewrite: a
 * partial move leaves a file importing both, and scan must count that before the run does.
 * Fixable when every legacy reference goes away.
 */
function dualImportFinding(file: string, plans: ReferencePlan[], legacyReferences: FilePlan['legacyReferences'], referencesCanonical: boolean): Finding | undefined {
  if (legacyReferences.length === 0) return undefined;
  const planned = new Map(plans.map((plan) => [plan.reference.literal.node, plan]));
  const reason = legacyReferences.map(({ reference, module }) => whyReferenceStays(planned.get(reference.literal.node), reference, module)).find(Boolean);
  const willReferenceCanonical = plans.some((plan) => plan.fix && plan.moves.length > 0);
  if (!referencesCanonical && !(willReferenceCanonical && reason)) return undefined;
  const first = legacyReferences[0]!.reference;
  const modules = [...new Set(legacyReferences.map((item) => item.module.key))].join(', ');
  return {
    phase: 'imports',
    kind: 'dual-import',
    file,
    line: first.line,
    column: first.column,
    message: `imports both the canonical module and ${modules}`,
    fixable: reason === undefined,
    ...(reason ? { reason } : {}),
  };
}

/** Why a legacy reference will still be there after the rewrite, or undefined if it goes away. */
function whyReferenceStays(plan: ReferencePlan | undefined, reference: ModuleReference, module: ResolvedModule): string | undefined {
  if (plan?.manual) return `${module.key} stays: ${plan.manual}`;
  if (plan && plan.stays.length > 0) return `${module.key} stays for ${plan.stays.map((stay) => stay.name).join(', ')}: ${plan.stays[0]!.reason}`;
  if (plan?.keepsReference) return `${module.key} stays for ${plan.keepsReference}`;
  if (plan?.fix) return undefined;
  // An unmock with nothing to follow is rewritten with its mock, or harmless.
  if (reference.kind === 'mock') return undefined;
  return `${module.key} stays for names that do not move (line ${reference.line})`;
}

function findingsOf(file: string, plan: ReferencePlan): Finding[] {
  const { reference } = plan;
  const at = { phase: 'imports' as const, file, line: reference.line, column: reference.column };
  const findings: Finding[] = [];
  const kind = plan.role === 'reexporter' ? 'indirect-import' : 'legacy-import';
  if (plan.manual) {
    findings.push({ ...at, kind, message: `${describeReference(plan)}`, fixable: false, reason: plan.manual });
  } else if (plan.fix) {
    findings.push({ ...at, kind, message: describeReference(plan), fixable: true });
  }
  if (plan.role !== 'reexporter') {
    for (const stay of plan.stays) {
      findings.push({ ...at, kind: 'no-counterpart', message: `"${stay.name}" from ${plan.module.key} stays`, fixable: false, reason: stay.reason });
    }
  }
  return findings;
}

function describeReference(plan: ReferencePlan): string {
  const names = plan.moves.filter((move) => move.name !== '*').map((move) => (move.name === move.targetName ? move.name : `${move.name} → ${move.targetName}`));
  const what = names.length > 0 ? names.join(', ') : plan.reference.kind === 'mock' ? 'mocked path' : 'module path';
  const via = plan.role === 'reexporter' ? 'through' : 'from legacy module';
  const target = plan.moves[0]?.target.key;
  return `${what} ${via} ${plan.module.key} (${plan.reference.kind})${target ? `; canonical: ${target}` : ''}`;
}

function isSideEffectImport(plan: ReferencePlan): boolean {
  const owner = plan.reference.owner.node;
  return owner.type === 'ImportDeclaration' && (owner.specifiers ?? []).length === 0;
}

/** The matcher shared by detect and apply. */
function planFile(file: FileContext, state: ImportsState): FilePlan {
  const references = findModuleReferences(file.j, file.root);
  const plans: ReferencePlan[] = [];
  const legacyReferences: FilePlan['legacyReferences'] = [];
  const movesOnlyMocks: ReferencePlan[] = [];
  let referencesCanonical = false;
  const handled = new Set<ASTNode>();
  for (const reference of references) {
    const module = state.project.resolve(reference.specifier, file.file);
    const role = state.map.roleOf(module.key);
    if (role === 'canonical') {
      referencesCanonical = true;
      continue;
    }
    if (!role || handled.has(reference.literal.node)) continue;
    const plan = planReference(file, state, reference, module, role, handled);
    if (plan?.fix && plan.moves.some((move) => move.target.key === file.file)) {
      manual(plan, `${file.file} would import from itself: ${plan.moves.map((move) => move.name).join(', ')} move here; inline them by hand`);
    }
    if (plan) plans.push(plan);
    else if (reference.kind === 'mock' && role === 'moves') movesOnlyMocks.push({ reference, module, role, moves: [], stays: [] });
    // A legacy module is a legacy path whatever it is imported for; a barrel or a module with
    // single moves only while a canonical or legacy name comes through it.
    if (role === 'legacy' || (plan && (plan.moves.length > 0 || plan.stays.length > 0 || plan.manual))) legacyReferences.push({ reference, module });
  }
  // A mock of a module whose imported names move would silently stop mocking them.
  for (const mock of movesOnlyMocks) {
    const moved = plans.filter((plan) => plan.module.key === mock.module.key && plan.moves.length > 0).flatMap((plan) => plan.moves.map((move) => move.name));
    if (moved.length > 0) plans.push(manual(mock, `this mock of ${mock.module.key} would no longer see ${moved.join(', ')}, which move to ${state.map.canonical.key}: move the mock by hand`));
  }
  refuseConvergingMocks(file, state, references, plans);
  keepMocksTogether(plans);
  return { plans, referencesCanonical, legacyReferences, codeLiterals: new Set(references.map((reference) => reference.literal.node)) };
}

/** Calls that install a mock (unmock and dontMock remove one). */
const MOCK_CALL = /^(mock|doMock|setMock)$/;

/** Two mocks of the canonical module in one file would replace each other: a human merges them. */
function refuseConvergingMocks(file: FileContext, state: ImportsState, references: ModuleReference[], plans: ReferencePlan[]): void {
  const isMockCall = (reference: ModuleReference): boolean => reference.kind === 'mock' && MOCK_CALL.test(mockMethod(reference));
  const existing = references.filter((reference) => isMockCall(reference) && state.project.resolve(reference.specifier, file.file).key === state.map.canonical.key).length;
  const converging = plans.filter((plan) => plan.fix && isMockCall(plan.reference));
  if (existing + converging.length < 2) return;
  for (const plan of converging) manual(plan, `the file would end up with ${existing + converging.length} mocks of ${state.map.canonical.key}: merge them by hand`);
}

/**
 * A mock, its dontMock, its requireActual and the file's imports of that module move together
 * or not at all: moving half of them changes what the test exercises without a word.
 */
function keepMocksTogether(plans: ReferencePlan[]): void {
  const stuck = new Map<string, ReferencePlan>();
  for (const plan of plans) if (plan.reference.kind === 'mock' && !plan.fix) stuck.set(plan.module.key, plan);
  for (const plan of plans) {
    const blocker = stuck.get(plan.module.key);
    if (plan.fix && blocker) manual(plan, `held back with the mock at line ${blocker.reference.line}, which needs a human: ${blocker.manual ?? 'see there'}`);
  }
}

function mockMethod(reference: ModuleReference): string {
  const callee = (reference.owner.node as CallExpression).callee as { property?: { name?: string } };
  return callee.property?.name ?? '';
}

function planReference(
  file: FileContext,
  state: ImportsState,
  reference: ModuleReference,
  module: ResolvedModule,
  role: Exclude<ModuleRole, 'canonical'>,
  handled: Set<ASTNode>,
): ReferencePlan | undefined {
  const base: ReferencePlan = { reference, module, role, moves: [], stays: [] };
  const sort = (names: string[]): ReferencePlan => {
    for (const name of names) {
      const destination = state.map.destinationOf(module.key, name);
      if (destination?.kind === 'move') base.moves.push({ name, target: destination.module, targetName: destination.name });
      else if (destination?.kind === 'stay') base.stays.push({ name, reason: destination.reason });
    }
    return base;
  };
  const owner = reference.owner;
  switch (reference.kind) {
    case 'import': {
      const declaration = owner.node as ImportDeclaration;
      const specifiers = declaration.specifiers ?? [];
      if (specifiers.length === 0) {
        if (role !== 'legacy') return undefined;
        base.moves.push({ name: '*', target: state.map.canonical, targetName: '*' });
        base.fix = (editor) => editor.rewriteSideEffectImport(base);
        return base;
      }
      const namespace = specifiers.find((specifier) => specifier.type === 'ImportNamespaceSpecifier');
      if (namespace) {
        if (specifiers.length > 1) return manual(base, 'a default and a namespace import in one declaration: split it first');
        return planNamespace(file, state, base, importedName(namespace.local), declaration, file.root, true);
      }
      sort(specifiers.map((specifier) => (specifier.type === 'ImportSpecifier' ? importedName(specifier.imported) : 'default')));
      if (base.moves.length > 0) base.fix = (editor) => editor.rewriteImport(base);
      return relevant(base, role);
    }
    case 'export': {
      const declaration = owner.node as ExportNamedDeclaration;
      const specifiers = declaration.specifiers ?? [];
      if (specifiers.some((specifier) => specifier.type !== 'ExportSpecifier')) {
        return role === 'legacy' ? manual(base, 'a namespace re-export (`export * as ns from`) of a legacy module: rewrite it by hand') : undefined;
      }
      sort(specifiers.map((specifier) => importedName((specifier as NamedExportSpecifier).local ?? (specifier as NamedExportSpecifier).exported)));
      if (base.moves.length > 0) base.fix = (editor) => editor.rewriteExportFrom(base);
      return relevant(base, role);
    }
    case 'export-all': {
      const exported = (owner.node as { exported?: { name?: string } | null }).exported;
      if (exported?.name) return role === 'legacy' ? manual(base, 'a namespace re-export (`export * as ns from`) of a legacy module: rewrite it by hand') : undefined;
      const names = state.map.exportNames(module.key);
      if (!names) return role === 'legacy' ? manual(base, `cannot read the exports of ${module.key} to re-export them explicitly`) : undefined;
      // Names this file exports explicitly shadow the star: they are not re-exported through it.
      const explicit = readModuleExports(file.j, file.root).named;
      sort([...names].filter((name) => name !== 'default' && !explicit.has(name)).sort());
      if (base.moves.length > 0) base.fix = (editor) => editor.rewriteExportAll(base);
      // Names that stay are still re-exported by the kept `export *`: nothing for a human, but
      // the file goes on naming the legacy module.
      if (base.stays.length > 0) base.keepsReference = `the \`export *\` of ${base.stays.map((stay) => stay.name).join(', ')}`;
      base.stays = [];
      return base.moves.length > 0 ? base : undefined;
    }
    case 'import-type': {
      const qualifier = (owner.node as { qualifier?: ASTNode | null }).qualifier;
      const first = qualifier ? firstQualifierName(qualifier) : undefined;
      if (!first) return role === 'legacy' ? manual(base, '`import()` type without a member name') : undefined;
      sort([first.name]);
      if (base.moves.length > 0) {
        base.fix = (editor) => {
          editor.setSpecifier(base.reference, base.moves[0]!.target);
          first.name = base.moves[0]!.targetName;
        };
      }
      return relevant(base, role);
    }
    case 'import-equals': {
      const declaration = owner.parent.node as { id: { name: string } };
      return planNamespace(file, state, base, declaration.id.name, owner.parent.node, file.root, false);
    }
    case 'require':
    case 'dynamic-import':
      return planCallUse(file, state, base, owner as ASTPath<CallExpression>);
    case 'mock':
      return planMock(file, state, base, owner as ASTPath<CallExpression>, handled);
    case 'augmentation':
      return role === 'legacy' ? manual(base, `a module augmentation of ${module.key}: move it to the canonical module by hand`) : undefined;
  }
}

function relevant(plan: ReferencePlan, role: ModuleRole): ReferencePlan | undefined {
  if (plan.moves.length > 0 || plan.manual) return plan;
  // A barrel's own exports are not part of the migration; a legacy name it passes on is.
  if (role === 'reexporter' && plan.stays.length === 0) return undefined;
  return plan;
}

function manual(plan: ReferencePlan, reason: string): ReferencePlan {
  plan.manual = reason;
  delete plan.fix;
  return plan;
}

/** The name an import or export specifier names: an identifier, or a string (`export { "a-b" as c }`). */
function importedName(node: unknown): string {
  const named = node as { type: string; name?: unknown; value?: unknown };
  return named.type === 'Identifier' ? String(named.name) : String(named.value);
}

/** The local name an import specifier binds; builders leave `local` empty when it equals the imported name. */
function localName(specifier: { type: string; local?: unknown; imported?: unknown }): string {
  return importedName(specifier.local ?? specifier.imported);
}

type NamedExportSpecifier = { local?: unknown; exported: unknown; exportKind?: string };

function firstQualifierName(qualifier: ASTNode): { name: string } | undefined {
  let current = qualifier as { type: string; left?: ASTNode; name?: string };
  while (current.type === 'TSQualifiedName' && current.left) current = current.left as typeof current;
  return current.type === 'Identifier' ? (current as { name: string }) : undefined;
}

/** `import * as ns`, `import ns = require()`, `const ns = require()`, `const ns = await import()`. */
function planNamespace(
  file: FileContext,
  state: ImportsState,
  plan: ReferencePlan,
  binding: string,
  declaration: ASTNode,
  scope: FileContext['root'],
  canSplit: boolean,
): ReferencePlan | undefined {
  const usage = namespaceUsage(file.j, scope, binding, declaration);
  if (usage.usedAsValue) {
    return plan.role === 'reexporter' ? undefined : manual(plan, `"${binding}" is used as a value, not only as ${binding}.member: rewrite it by hand`);
  }
  const names = [...new Set(usage.members.map((member) => member.name))].sort();
  const unmoved: string[] = [];
  for (const name of names) {
    const destination = state.map.destinationOf(plan.module.key, name);
    if (destination?.kind === 'move') plan.moves.push({ name, target: destination.module, targetName: destination.name });
    else {
      unmoved.push(name);
      if (destination?.kind === 'stay') plan.stays.push({ name, reason: destination.reason });
    }
  }
  if (plan.moves.length === 0) return relevant(plan, plan.role);
  const targets = new Set(plan.moves.map((move) => move.target.key));
  if (unmoved.length === 0 && targets.size === 1) {
    // Every member moves to one module: the namespace simply points there.
    plan.fix = (editor) => {
      editor.setSpecifier(plan.reference, plan.moves[0]!.target);
      for (const member of usage.members) touch(file, member.path.node);
      renameMembers(usage.members, plan.moves);
    };
    return plan;
  }
  if (!canSplit) {
    return manual(plan, `"${binding}" uses names that move (${plan.moves.map((move) => move.name).join(', ')}) and names that do not (${unmoved.join(', ')}): split it by hand`);
  }
  plan.fix = (editor) => editor.splitNamespace(plan, usage.members);
  return plan;
}

function renameMembers(members: MemberUse[], moves: NameMove[]): void {
  const renames = new Map(moves.map((move) => [move.name, move.targetName]));
  for (const member of members) {
    const renamed = renames.get(member.name);
    if (renamed && renamed !== member.name) member.property.name = renamed;
  }
}

/** How a `require(…)` or `import(…)` result is used decides how it can be rewritten. */
function planCallUse(file: FileContext, state: ImportsState, plan: ReferencePlan, call: ASTPath<CallExpression>): ReferencePlan | undefined {
  let expression: ASTPath = call;
  if (expression.parent?.node.type === 'AwaitExpression') expression = expression.parent;
  const parent = expression.parent?.node as ASTNode & Record<string, unknown>;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === expression.node) {
    const id = parent.id as ASTNode & { name?: string };
    if (id.type === 'Identifier') return planNamespace(file, state, plan, id.name!, parent, file.root, false);
    if (id.type === 'ObjectPattern') return planDestructuring(state, plan, expression.parent, id);
    return plan.role === 'reexporter' ? undefined : manual(plan, 'an unusual binding pattern for this module: rewrite it by hand');
  }
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === expression.node) {
    const property = parent.property as { type: string; name?: string };
    if (!parent.computed && property.type === 'Identifier') {
      if (property.name === 'then' && plan.reference.kind === 'dynamic-import') return planThen(file, state, plan, expression.parent);
      const name = property.name!;
      const destination = state.map.destinationOf(plan.module.key, name);
      if (destination?.kind === 'move') {
        plan.moves.push({ name, target: destination.module, targetName: destination.name });
        plan.fix = (editor) => {
          editor.setSpecifier(plan.reference, destination.module);
          (property as { name: string }).name = destination.name;
        };
        return plan;
      }
      if (destination?.kind === 'stay') plan.stays.push({ name, reason: destination.reason });
      return relevant(plan, plan.role);
    }
  }
  if (parent.type === 'ExpressionStatement' && plan.role === 'legacy') {
    plan.moves.push({ name: '*', target: state.map.canonical, targetName: '*' });
    plan.fix = (editor) => editor.setSpecifier(plan.reference, state.map.canonical);
    return plan;
  }
  return plan.role === 'reexporter' || plan.role === 'moves' ? undefined : manual(plan, 'the module object is used in a way that cannot be rebound safely: rewrite it by hand');
}

/** `import('…').then((m) => m.X)` or `.then(({ X }) => …)`. */
function planThen(file: FileContext, state: ImportsState, plan: ReferencePlan, member: ASTPath): ReferencePlan | undefined {
  const call = member.parent?.node as { type: string; arguments?: ASTNode[] };
  const callback = call?.type === 'CallExpression' ? (call.arguments?.[0] as ASTNode & { params?: ASTNode[]; body?: ASTNode }) : undefined;
  const param = callback?.params?.[0] as (ASTNode & { name?: string }) | undefined;
  if (!callback || !param) return plan.role === 'legacy' ? manual(plan, '`import().then` without a callback parameter: rewrite it by hand') : undefined;
  if (param.type === 'Identifier') {
    return planNamespace(file, state, plan, param.name!, callback, file.j(member.parent.get('arguments', 0) as ASTPath), false);
  }
  if (param.type === 'ObjectPattern') return planDestructuring(state, plan, undefined, param);
  return plan.role === 'legacy' ? manual(plan, 'an unusual `.then` callback parameter: rewrite it by hand') : undefined;
}

/** `const { a, b: c } = require('…')` or `await import('…')`. */
function planDestructuring(state: ImportsState, plan: ReferencePlan, declarator: ASTPath | undefined, pattern: ASTNode): ReferencePlan | undefined {
  const properties = (pattern as unknown as { properties: Array<ASTNode & { key?: ASTNode & { name?: string; value?: string }; computed?: boolean }> }).properties;
  if (properties.some((property) => property.type !== 'ObjectProperty' || property.computed)) {
    return plan.role === 'legacy' ? manual(plan, 'a rest element or computed key in the destructuring: rewrite it by hand') : undefined;
  }
  const keyName = (property: (typeof properties)[number]): string => String(property.key?.name ?? property.key?.value);
  const moving: typeof properties = [];
  for (const property of properties) {
    const name = keyName(property);
    const destination = state.map.destinationOf(plan.module.key, name);
    if (destination?.kind === 'move') {
      plan.moves.push({ name, target: destination.module, targetName: destination.name });
      moving.push(property);
    } else if (destination?.kind === 'stay') plan.stays.push({ name, reason: destination.reason });
  }
  if (plan.moves.length === 0) return relevant(plan, plan.role);
  const targets = new Set(plan.moves.map((move) => move.target.key));
  const allMove = moving.length === properties.length && targets.size === 1;
  if (!allMove && (!declarator || targets.size > 1)) {
    return manual(plan, 'names that move and names that stay in one destructuring that cannot be split: rewrite it by hand');
  }
  plan.fix = (editor) => editor.rewriteDestructuring(plan, declarator, moving, allMove);
  return plan;
}

/** `jest.mock(path, factory?)`, `jest.requireActual(path)` and friends. */
function planMock(file: FileContext, state: ImportsState, plan: ReferencePlan, call: ASTPath<CallExpression>, handled: Set<ASTNode>): ReferencePlan | undefined {
  if (plan.role === 'moves') return undefined;
  const callee = call.node.callee as { property: { name: string } };
  const method = callee.property.name;
  // `jest.requireActual(path)` spread in a mock factory of the same path moves with that mock (see below).
  if (/^(requireActual|requireMock|importActual|importMock)$/.test(method)) return planCallUse(file, state, plan, call);
  const factory = call.node.arguments[1] as (ASTNode & { body?: ASTNode }) | undefined;
  const target = state.map.canonical;
  const companions: StringLiteral[] = [];
  if (plan.role === 'reexporter' && !factory) return undefined;
  // Unmocking follows its mock (see keepMocksTogether); only installing a mock needs care.
  const installs = MOCK_CALL.test(method);
  if (installs && method === 'setMock') return manual(plan, `setMock of ${plan.module.key}: point it at ${target.key} by hand`);
  if (installs && !factory) {
    return manual(plan, `an automock of ${plan.module.key} would become an automock of ${target.key}, mocking every canonical export: point it by hand`);
  }
  if (factory) {
    const object = returnedObject(factory);
    if (!object) {
      // A factory that wraps whatever the actual module exports, naming none of its exports,
      // keeps its meaning when it and its requireActual both point at the canonical module.
      const generic = genericFactoryCompanions(file, state, plan, factory);
      if (!generic) return manual(plan, `the ${method} factory does not return an object literal and names exports of ${plan.module.key}: point it at ${target.key} by hand`);
      for (const companion of generic) {
        handled.add(companion);
        companions.push(companion);
      }
      plan.moves.push({ name: '*', target, targetName: '*' });
      plan.fix = (editor) => {
        editor.setSpecifier(plan.reference, target);
        for (const companion of companions) setStringValue(companion, String((plan.reference.literal.node as StringLiteral).value));
      };
      return plan;
    }
    const properties = (object as unknown as { properties: Array<ASTNode & { key?: { name?: string; value?: string }; argument?: ASTNode }> }).properties;
    const keys: Array<{ property: (typeof properties)[number]; name: string }> = [];
    let keepsActual = false;
    for (const property of properties) {
      if (property.type === 'SpreadElement') {
        let argument = property.argument as ASTNode & { arguments?: StringLiteral[]; argument?: ASTNode };
        // `...(await vi.importActual(path))`
        while (argument?.type === 'AwaitExpression' || argument?.type === 'ParenthesizedExpression') argument = (argument.argument ?? (argument as { expression?: ASTNode }).expression) as typeof argument;
        if (argument?.type === 'CallExpression' && argument.arguments?.[0]?.value === plan.reference.specifier) {
          handled.add(argument.arguments[0]);
          companions.push(argument.arguments[0]);
          keepsActual = true;
          continue;
        }
        return manual(plan, `the ${method} factory spreads something other than the actual module: point it at ${target.key} by hand`);
      }
      keys.push({ property, name: String(property.key?.name ?? property.key?.value) });
    }
    const unmoved: string[] = [];
    for (const { name } of keys) {
      const destination = state.map.destinationOf(plan.module.key, name);
      if (destination?.kind === 'move' && destination.module.key === target.key) plan.moves.push({ name, target, targetName: destination.name });
      else unmoved.push(name);
    }
    if (unmoved.length > 0) {
      if (plan.role === 'reexporter' && plan.moves.length === 0) return undefined;
      return manual(plan, `the ${method} factory mocks ${unmoved.join(', ')}, which stay on ${plan.module.key}: split the mock by hand`);
    }
    if (!keepsActual) {
      return manual(plan, `without \`...jest.requireActual(…)\` in the factory, a mock of ${target.key} would leave every other canonical export undefined: point it by hand`);
    }
    const renamed = plan.moves.map((move) => move.targetName);
    const collision = renamed.find((name, index) => renamed.indexOf(name) !== index);
    if (collision) return manual(plan, `two keys of the ${method} factory would both become "${collision}": merge them by hand`);
    if (plan.moves.length === 0) plan.moves.push({ name: '*', target, targetName: '*' });
  } else {
    plan.moves.push({ name: '*', target, targetName: '*' });
  }
  plan.fix = (editor) => {
    editor.setSpecifier(plan.reference, target);
    for (const companion of companions) setStringValue(companion, String((plan.reference.literal.node as StringLiteral).value));
    const object = factory ? returnedObject(factory) : undefined;
    const renames = new Map(plan.moves.map((move) => [move.name, move.targetName]));
    for (const property of (object as unknown as { properties?: Array<{ type: string; key?: { type: string; name?: string; value?: string }; shorthand?: boolean }> })?.properties ?? []) {
      const key = property.key;
      if (!key) continue;
      const name = String(key.name ?? key.value);
      const renamed = renames.get(name);
      if (!renamed || renamed === name) continue;
      if (property.shorthand) property.shorthand = false;
      if (key.type === 'Identifier') key.name = renamed;
      else setStringValue(key as unknown as StringLiteral, renamed);
    }
  };
  return plan;
}

/** The requireActual literals of a factory that never names an export of the mocked module, else undefined. */
function genericFactoryCompanions(file: FileContext, state: ImportsState, plan: ReferencePlan, factory: ASTNode): StringLiteral[] | undefined {
  const exportNames = state.map.exportNames(plan.module.key);
  if (!exportNames) return undefined;
  const scope = file.j(factory as never);
  const namesExport = (name: string): boolean => name !== 'default' && exportNames.has(name);
  if (scope.find(file.j.Identifier).filter((path) => namesExport(path.node.name)).size() > 0) return undefined;
  const companions: StringLiteral[] = [];
  let namesInStrings = false;
  scope.find(file.j.StringLiteral).forEach((path) => {
    const call = path.parent?.node as (ASTNode & { callee?: { property?: { name?: string } }; arguments?: ASTNode[] }) | undefined;
    const isActual = call?.type === 'CallExpression' && call.arguments?.[0] === path.node && /^(requireActual|importActual)$/.test(call.callee?.property?.name ?? '');
    if (isActual && path.node.value === plan.reference.specifier) companions.push(path.node);
    else if (namesExport(path.node.value)) namesInStrings = true;
  });
  return namesInStrings ? undefined : companions;
}

function returnedObject(factory: ASTNode & { body?: ASTNode }): ASTNode | undefined {
  let body = factory.body as (ASTNode & { expression?: ASTNode; body?: ASTNode[] }) | undefined;
  if (!body) return undefined;
  if (body.type === 'ParenthesizedExpression') body = body.expression as typeof body;
  if (body.type === 'ObjectExpression') return body;
  if (body.type === 'BlockStatement') {
    const statements = body.body ?? [];
    const last = statements[statements.length - 1] as (ASTNode & { argument?: ASTNode }) | undefined;
    if (last?.type === 'ReturnStatement' && last.argument?.type === 'ObjectExpression') return last.argument;
  }
  return undefined;
}

/** Applies plans to one file; knows the file's existing imports so moved names merge into them. */
class FileEditor {
  private readonly taken: Set<string>;

  constructor(
    private readonly file: FileContext,
    private readonly state: ImportsState,
  ) {
    this.taken = usedNames(file.j, file.root);
  }

  specifierFor(target: ResolvedModule, original: string): string {
    const existing = this.existingDeclarations(target, 'import')[0] ?? this.existingDeclarations(target, 'export')[0];
    if (existing) return String((existing.node as ImportDeclaration).source.value);
    const { project } = this.state;
    return writeSpecifier({
      fromFile: this.file.file,
      target,
      original,
      originalIsFile: project.resolve(original, this.file.file).isFile,
      aliases: project.aliases,
      baseUrl: project.baseUrl,
      packageRootOf: (file) => project.packageOf(file)?.root,
    });
  }

  /** Removes a statement; the one that inherits its comments changes too. */
  remove(statement: ASTPath, heir?: ASTNode): void {
    const inheritor = removeStatement(statement, heir);
    if (inheritor) touch(this.file, inheritor);
  }

  setSpecifier(reference: ModuleReference, target: ResolvedModule): void {
    setStringValue(reference.literal.node, this.specifierFor(target, reference.specifier));
  }

  /** Import or export-from declarations of `target` in this file, in source order. */
  existingDeclarations(target: ResolvedModule, kind: 'import' | 'export', exclude?: ASTNode): ASTPath[] {
    const { j } = this.file;
    const type = kind === 'import' ? j.ImportDeclaration : j.ExportNamedDeclaration;
    const found: ASTPath[] = [];
    this.file.root.find(type as typeof j.ImportDeclaration).forEach((path) => {
      const node = path.node as { source?: StringLiteral | null; specifiers?: Array<{ type: string }> };
      if (!node.source || path.node === exclude) return;
      if ((node.specifiers ?? []).some((specifier) => specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ExportNamespaceSpecifier')) return;
      if (kind === 'import' && (node.specifiers ?? []).length === 0) return;
      if (this.state.project.resolve(String(node.source.value), this.file.file).key === target.key) found.push(path);
    });
    return found;
  }

  rewriteImport(plan: ReferencePlan): void {
    const { j } = this.file;
    const declaration = plan.reference.owner.node as ImportDeclaration;
    const typeOnlyDeclaration = declaration.importKind === 'type';
    const movesByName = new Map(plan.moves.map((move) => [move.name, move]));
    const kept: NonNullable<ImportDeclaration['specifiers']> = [];
    const moving: MovingImport[] = [];
    for (const specifier of declaration.specifiers ?? []) {
      const name = specifier.type === 'ImportSpecifier' ? importedName(specifier.imported) : 'default';
      const move = movesByName.get(name);
      if (!move) {
        kept.push(specifier);
        continue;
      }
      const typeOnly = typeOnlyDeclaration || (specifier as { importKind?: string }).importKind === 'type';
      moving.push({ move, local: localName(specifier), typeOnly, comments: commentsOf(specifier), specifier });
    }
    const groups = groupByTarget(moving, (item) => item.move.target);
    const inPlace = kept.length === 0 && groups.size === 1;
    let mergedInto: ASTNode | undefined;
    for (const [target, items] of groups) {
      const existing = this.mergeableImport(target, typeOnlyDeclaration, declaration);
      if (existing) {
        touch(this.file, existing.node);
        mergedInto = existing.node;
        addImportSpecifiers(j, existing.node as ImportDeclaration, items);
      } else if (inPlace) {
        // The same declaration, re-pointed: its specifiers are renamed where they stand, so
        // their comments and layout stay.
        setStringValue(declaration.source as StringLiteral, this.specifierFor(target, plan.reference.specifier));
        declaration.specifiers = items.map((item) => renameSpecifier(j, item));
        return;
      } else {
        const created = j.importDeclaration([], j.stringLiteral(''));
        setStringValue(created.source as StringLiteral, this.specifierFor(target, plan.reference.specifier));
        if (typeOnlyDeclaration) created.importKind = 'type';
        addImportSpecifiers(j, created, items.map((item) => ({ ...item, typeOnly: item.typeOnly && !typeOnlyDeclaration })));
        insertAbove(plan.reference.owner, created);
      }
    }
    // Comments about the removed import belong to the import its names went to.
    if (kept.length === 0) this.remove(plan.reference.owner, groups.size === 1 ? mergedInto : undefined);
    else declaration.specifiers = kept;
  }

  /** An import of `target` that can take more specifiers without changing their meaning. */
  private mergeableImport(target: ResolvedModule, typeOnly: boolean, exclude: ASTNode): ASTPath | undefined {
    const candidates = this.existingDeclarations(target, 'import', exclude);
    return candidates.find((path) => ((path.node as ImportDeclaration).importKind === 'type') === typeOnly) ?? (typeOnly ? candidates[0] : undefined);
  }

  rewriteSideEffectImport(plan: ReferencePlan): void {
    const target = this.state.map.canonical;
    const stillImported = this.existingDeclarations(target, 'import').length > 0 || this.hasSideEffectImport(target, plan.reference.owner.node);
    if (stillImported) this.remove(plan.reference.owner);
    else this.setSpecifier(plan.reference, target);
  }

  private hasSideEffectImport(target: ResolvedModule, exclude: ASTNode): boolean {
    const { j } = this.file;
    return (
      this.file.root
        .find(j.ImportDeclaration)
        .filter((path) => path.node !== exclude && (path.node.specifiers ?? []).length === 0)
        .filter((path) => this.state.project.resolve(String(path.node.source.value), this.file.file).key === target.key)
        .size() > 0
    );
  }

  rewriteExportFrom(plan: ReferencePlan): void {
    const { j } = this.file;
    const declaration = plan.reference.owner.node as ExportNamedDeclaration;
    const typeOnlyDeclaration = declaration.exportKind === 'type';
    const movesByName = new Map(plan.moves.map((move) => [move.name, move]));
    const kept: NonNullable<ExportNamedDeclaration['specifiers']> = [];
    const moving: MovingExport[] = [];
    for (const specifier of declaration.specifiers ?? []) {
      const named = specifier as NamedExportSpecifier;
      const local = importedName(named.local ?? named.exported);
      const move = movesByName.get(local);
      if (!move) {
        kept.push(specifier);
        continue;
      }
      const typeOnly = typeOnlyDeclaration || named.exportKind === 'type';
      moving.push({ move, exported: importedName(named.exported), typeOnly, comments: commentsOf(specifier) });
    }
    const groups = groupByTarget(moving, (item) => item.move.target);
    const inPlace = kept.length === 0 && groups.size === 1;
    for (const [target, items] of groups) {
      const existing = this.existingDeclarations(target, 'export', declaration).find((path) => ((path.node as ExportNamedDeclaration).exportKind === 'type') === typeOnlyDeclaration);
      if (existing) {
        touch(this.file, existing.node);
        addExportSpecifiers(j, existing.node as ExportNamedDeclaration, items);
      } else if (inPlace) {
        setStringValue(declaration.source as StringLiteral, this.specifierFor(target, plan.reference.specifier));
        declaration.specifiers = [];
        addExportSpecifiers(j, declaration, items);
        return;
      } else {
        insertAbove(plan.reference.owner, this.exportFrom(target, plan.reference.specifier, items, typeOnlyDeclaration));
      }
    }
    if (kept.length === 0) this.remove(plan.reference.owner);
    else declaration.specifiers = kept;
  }

  /** `export * from legacy` keeps its meaning: moved names are re-exported explicitly. */
  rewriteExportAll(plan: ReferencePlan): void {
    // `export type * from` re-exports types only: so do the explicit exports that replace it.
    const typeOnlyStar = (plan.reference.owner.node as { exportKind?: string }).exportKind === 'type';
    const moving = plan.moves.map((move) => ({ move, exported: move.name, typeOnly: !typeOnlyStar && this.state.map.isTypeOnly(move.target.key, move.targetName) }));
    const groups = groupByTarget(moving, (item) => item.move.target);
    const statements = [...groups].map(([target, items]) => this.exportFrom(target, plan.reference.specifier, items, typeOnlyStar));
    // Inserted before the star: recast separates statements inserted after a node with a blank line.
    for (const statement of statements) insertAbove(plan.reference.owner, statement);
    const everyNameMoves = plan.role === 'legacy' && (this.state.map.exportNames(plan.module.key)?.size ?? 0) === plan.moves.length + (this.state.map.exportNames(plan.module.key)?.has('default') ? 1 : 0);
    if (everyNameMoves) this.remove(plan.reference.owner);
  }

  private exportFrom(target: ResolvedModule, original: string, items: MovingExport[], typeOnly: boolean): ExportNamedDeclaration {
    const { j } = this.file;
    const created = j.exportNamedDeclaration(null, [], j.stringLiteral(''));
    setStringValue(created.source as StringLiteral, this.specifierFor(target, original));
    if (typeOnly) created.exportKind = 'type';
    addExportSpecifiers(j, created, items);
    return created;
  }

  /** Moved members of a namespace import become named imports; the namespace keeps the rest. */
  splitNamespace(plan: ReferencePlan, members: MemberUse[]): void {
    const { j } = this.file;
    const typeOnly = (plan.reference.owner.node as ImportDeclaration).importKind === 'type';
    const locals = new Map<string, string>();
    const items: MovingImport[] = [];
    for (const move of plan.moves) {
      const existing = typeOnly ? undefined : this.importedLocal(move.target, move.targetName);
      if (existing) {
        locals.set(move.name, existing);
        continue;
      }
      const local = freeName(move.targetName, this.taken);
      locals.set(move.name, local);
      items.push({ move, local, typeOnly });
    }
    for (const [target, group] of groupByTarget(items, (item) => item.move.target)) {
      const existing = this.mergeableImport(target, typeOnly, plan.reference.owner.node);
      if (existing) {
        touch(this.file, existing.node);
        addImportSpecifiers(j, existing.node as ImportDeclaration, group);
      }
      else {
        const created = j.importDeclaration([], j.stringLiteral(''));
        setStringValue(created.source as StringLiteral, this.specifierFor(target, plan.reference.specifier));
        if (typeOnly) created.importKind = 'type';
        addImportSpecifiers(j, created, group.map((item) => ({ ...item, typeOnly: false })));
        insertAbove(plan.reference.owner, created);
      }
    }
    for (const member of members) {
      const local = locals.get(member.name);
      if (!local) continue;
      touch(this.file, member.path.node);
      member.path.replace(j.identifier(local));
    }
  }

  /** The local name under which `name` of `target` is already imported as a value, if it is. */
  private importedLocal(target: ResolvedModule, name: string): string | undefined {
    for (const path of this.existingDeclarations(target, 'import')) {
      const declaration = path.node as ImportDeclaration;
      if (declaration.importKind === 'type') continue;
      for (const specifier of declaration.specifiers ?? []) {
        if (specifier.type !== 'ImportSpecifier' || (specifier as { importKind?: string }).importKind === 'type') continue;
        if (importedName(specifier.imported) === name) return localName(specifier);
      }
    }
    return undefined;
  }

  rewriteDestructuring(plan: ReferencePlan, declarator: ASTPath | undefined, moving: ASTNode[], allMove: boolean): void {
    const { j } = this.file;
    const renames = new Map(plan.moves.map((move) => [move.name, move.targetName]));
    const renameKey = (property: ASTNode): void => {
      const node = property as { key: { type: string; name?: string; value?: string }; value: ASTNode; shorthand?: boolean };
      const name = String(node.key.name ?? node.key.value);
      const renamed = renames.get(name);
      if (!renamed || renamed === name) return;
      node.shorthand = false;
      node.key = j.identifier(renamed) as unknown as typeof node.key;
    };
    const target = plan.moves[0]!.target;
    if (allMove) {
      this.setSpecifier(plan.reference, target);
      moving.forEach(renameKey);
      return;
    }
    // Split: the moved names get a declaration of their own, right before this one.
    const statement = enclosingStatement(declarator!)!;
    const declaratorNode = declarator!.node as { id: { properties: ASTNode[] }; init: ASTNode };
    declaratorNode.id.properties = declaratorNode.id.properties.filter((property) => !moving.includes(property));
    moving.forEach(renameKey);
    const call = j.callExpression(
      plan.reference.kind === 'dynamic-import' ? (j.import() as never) : j.identifier('require'),
      [j.stringLiteral('')],
    );
    setStringValue(call.arguments[0] as StringLiteral, this.specifierFor(target, plan.reference.specifier));
    const init = declaratorNode.init.type === 'AwaitExpression' ? j.awaitExpression(call) : call;
    const kind = (statement.node as { kind?: 'const' | 'let' | 'var' }).kind ?? 'const';
    insertAbove(statement, j.variableDeclaration(kind, [j.variableDeclarator(j.objectPattern(moving as never), init)]));
  }
}

function groupByTarget<T>(items: T[], targetOf: (item: T) => ResolvedModule): Map<ResolvedModule, T[]> {
  const byKey = new Map<string, { target: ResolvedModule; items: T[] }>();
  for (const item of items) {
    const target = targetOf(item);
    const group = byKey.get(target.key) ?? { target, items: [] };
    group.items.push(item);
    byKey.set(target.key, group);
  }
  return new Map([...byKey.values()].map((group) => [group.target, group.items]));
}

/** A specifier on its way to another declaration; its comments go with it. */
interface MovingImport {
  move: NameMove;
  local: string;
  typeOnly: boolean;
  comments?: unknown[];
  /** The specifier it comes from, when it has one. */
  specifier?: NonNullable<ImportDeclaration['specifiers']>[number];
}

/**
 * The specifier, now naming the target export (the local name is kept). A fresh node with the
 * original's comments: recast's patcher would drop the ` as local` of a renamed original.
 */
function renameSpecifier(j: FileContext['j'], item: MovingImport): NonNullable<ImportDeclaration['specifiers']>[number] {
  const original = item.specifier!;
  const unchanged = original.type === 'ImportDefaultSpecifier' ? item.move.targetName === 'default' : original.type === 'ImportSpecifier' && importedName(original.imported) === item.move.targetName;
  if (unchanged) return original;
  const replacement =
    item.move.targetName === 'default' && !item.typeOnly ? j.importDefaultSpecifier(j.identifier(item.local)) : j.importSpecifier(j.identifier(item.move.targetName), j.identifier(item.local));
  if (item.typeOnly && (original as { importKind?: string }).importKind === 'type') (replacement as { importKind?: string }).importKind = 'type';
  return withComments(replacement, item.comments);
}

interface MovingExport {
  move: NameMove;
  exported: string;
  typeOnly: boolean;
  comments?: unknown[];
}

function commentsOf(node: unknown): unknown[] | undefined {
  const comments = (node as { comments?: unknown[] | null }).comments;
  return comments && comments.length > 0 ? comments : undefined;
}

function withComments<T>(node: T, comments: unknown[] | undefined): T {
  if (comments) (node as { comments?: unknown[] }).comments = comments;
  return node;
}

/**
 * Comments written inside a list of specifiers cannot follow a specifier into another list
 * reliably (recast re-attaches them to neighbours), so they go above the receiving statement.
 */
function adoptComments(declaration: ASTNode, items: Array<{ comments?: unknown[] }>): void {
  const comments = items.flatMap((item) => item.comments ?? []);
  if (comments.length === 0) return;
  for (const comment of comments) Object.assign(comment as object, { leading: true, trailing: false });
  const node = declaration as { comments?: unknown[] | null };
  node.comments = [...comments, ...(node.comments ?? [])];
}

function addImportSpecifiers(j: FileContext['j'], declaration: ImportDeclaration, items: MovingImport[]): void {
  adoptComments(declaration, items);
  const specifiers = declaration.specifiers ?? [];
  const typeOnlyDeclaration = declaration.importKind === 'type';
  for (const { move, local, typeOnly } of items) {
    const duplicate = specifiers.some(
      (specifier) =>
        localName(specifier) === local &&
        (specifier.type === 'ImportDefaultSpecifier' ? move.targetName === 'default' : specifier.type === 'ImportSpecifier' && importedName(specifier.imported) === move.targetName),
    );
    if (duplicate) continue;
    const inlineType = typeOnly && !typeOnlyDeclaration;
    // `import A, B from` is not a thing, and a default cannot carry `type` inline: `{ default as B }` can.
    if (move.targetName === 'default' && !inlineType && !specifiers.some((specifier) => specifier.type === 'ImportDefaultSpecifier')) {
      specifiers.unshift(j.importDefaultSpecifier(j.identifier(local)));
      continue;
    }
    const specifier = j.importSpecifier(j.identifier(move.targetName), j.identifier(local));
    if (inlineType) (specifier as { importKind?: string }).importKind = 'type';
    specifiers.push(specifier);
  }
  declaration.specifiers = specifiers;
}

function addExportSpecifiers(j: FileContext['j'], declaration: ExportNamedDeclaration, items: MovingExport[]): void {
  adoptComments(declaration, items);
  const specifiers = declaration.specifiers ?? [];
  const typeOnlyDeclaration = declaration.exportKind === 'type';
  for (const { move, exported, typeOnly } of items) {
    const duplicate = specifiers.some((specifier) => importedName((specifier as NamedExportSpecifier).exported) === exported);
    if (duplicate) continue;
    const specifier = j.exportSpecifier.from({ local: j.identifier(move.targetName), exported: j.identifier(exported) });
    if (typeOnly && !typeOnlyDeclaration) (specifier as { exportKind?: string }).exportKind = 'type';
    specifiers.push(specifier);
  }
  declaration.specifiers = specifiers;
}

// Phase 2, facades: a module that only hands the canonical implementation on is removed. Its
// consumers are pointed at the canonical symbols (the module rewiring phase 1 uses, with each
// facade as a legacy module), delegating wrappers are inlined at their call sites, and the file is deleted.
// A module with logic of its own is never deleted: it is reported with what makes it real.
import path from 'node:path';
import type { ASTNode, ASTPath, ImportDeclaration } from 'jscodeshift';
import type { SsotConfig } from '../../src/config/schema.js';
import { SsotError } from '../../src/errors.js';
import { commentsOf, importDeclarations, nameOf } from '../shared/ast-edits.js';
import { CanonicalMap, termOf } from '../shared/canonical-map.js';
import { definePhase, type FileContext, type FindingReport, type ProjectServices, type ResolvedModule } from '../../src/phase-api/define-phase.js';
import { buildFacadeGraph, type Evidence, type ExportRole, type FacadeDetail, type FacadeGraph } from './facade-detection.js';
import { handedOnBarrels, surveyBarrels } from './barrel-detection.js';
import { deletionReason } from './deletion-reason.js';
import { inlineCall, whyNotInlinable, type InlineTemplate } from './facade-inline.js';
import { writeCallComments } from './call-comments.js';
import { stripExtension } from '../../src/shared/file-extensions.js';
import { starMatch } from '../../src/shared/star-pattern.js';
import { TextEdits } from '../../src/phase-api/text-edits.js';
import { FileEditor } from '../shared/import-editor.js';
import { findHeldMocks } from '../shared/held-mocks.js';
import { importersOutsideScope } from './outside-importers.js';
import { findMentions } from '../shared/mentions.js';
import { findModuleReferences } from '../shared/module-references.js';
import { planModuleReferences, referenceFindings, rewireModuleReferences, type ReferenceFinding } from '../shared/module-rewiring.js';
import { localName, type BarrelOutline, type ImportsState, type NameMove } from '../shared/reference-plan.js';
import { namesModuleOf } from '../shared/specifier-prefilter.js';

const ENTRY_POINT = 'kept: a public entry point';
const EVIDENCE_SHOWN = 3;

// A facade's names always leave it: nothing is renamed within a facade.
type FacadesMessageId = Exclude<ReferenceFinding['messageId'], 'renamedNames'> | 'facade' | 'barrel' | 'notBarrel' | 'realModule' | 'wrapperInlined' | 'wrapperNotInlinable' | 'unusedWrapperImport';
type FacadesFinding = FindingReport<FacadesMessageId>;

interface FacadesState {
  project: ProjectServices;
  graph: FacadeGraph;
  /** The module rewiring's state over a map where every facade is a legacy module. */
  imports: ImportsState;
  /**
   * For consumers inside a package with kept entry-point barrels: the same, with those entry
   * points rewired too (`facades.rewireEntryPoints`). Keyed by package root.
   */
  importsByPackage: Map<string, ImportsState>;
  /** Modules declared in facades.modules that are no barrel, with what makes them more. */
  notBarrels: Map<string, Evidence>;
  /** Public entry points left as their authors wrote them (discover "barrels"): what they hand on stays too. */
  asWritten: Set<string>;
  /** Whether some facade has a wrapper to inline at its call sites. */
  hasWrappers: boolean;
  /** Facades the run deletes. */
  doomed: Set<string>;
  /** Facades that stay, with the reason. */
  kept: Map<string, string>;
  /** The files the state was built from: the modules judged, and the consumers rewritten in memory. */
  sources: string[];
}

export default definePhase<FacadesState, FacadesMessageId>({
  meta: {
    id: 'facades',
    title: 'facade removal',
    description: 'Points consumers of facade modules at the canonical symbols, inlines delegating wrappers and deletes the facades.',
    messages: {
      facade: 'facade of {{canonical}} ({{kinds}}): {{evidence}}',
      barrel: 'barrel ({{kinds}}): {{evidence}}',
      notBarrel: '{{file}} is declared a facade but is no barrel',
      realModule: '{{file}} competes with the canonical module {{canonical}}',
      wrapperInlined: '{{wrapper}}(…) from facade {{module}} becomes {{replacement}}',
      wrapperNotInlinable: '{{wrapper}} from facade {{module}} cannot be inlined here',
      unusedWrapperImport: 'unused {{wrapper}} from facade {{module}}',
      // The module rewiring's findings: a "legacy module" here is a facade.
      legacyNames: '{{names}} from facade {{module}} ({{reference}}); now from {{target}}',
      legacyPath: 'module path from facade {{module}} ({{reference}}); now from {{target}}',
      legacyPathUntargeted: 'module path from facade {{module}} ({{reference}})',
      legacyMock: 'mocked path from facade {{module}} ({{reference}}); now from {{target}}',
      legacyMockUntargeted: 'mocked path from facade {{module}} ({{reference}})',
      barrelNames: '{{names}} through {{module}} ({{reference}}); now from {{target}}',
      barrelPathUntargeted: 'module path through {{module}} ({{reference}})',
      barrelMock: 'mocked path through {{module}} ({{reference}}); now from {{target}}',
      barrelMockUntargeted: 'mocked path through {{module}} ({{reference}})',
      noCounterpart: '"{{name}}" from {{module}} stays',
    },
  },
  editModel: 'text',

  prepare(project) {
    const { facades: options } = project.config;
    const declared = options.modules.flatMap((name, index) => declaredFacade(project, name, `facades.modules[${index}]`));
    const barrels = options.discover === 'barrels';
    if (!project.config.canonical && !barrels && declared.length > 0) {
      throw new SsotError('CONFIG_INVALID', 'facades.modules: a facade hands on the canonical module, and the config names none (add canonical.module, or set facades.discover to "barrels")');
    }
    // Facades are facades of the canonical module: with none, only barrels are.
    const graph: FacadeGraph = project.config.canonical
      ? buildFacadeGraph(project, project.resolveConfigModule(project.config.canonical.module, 'canonical.module').key, declared)
      : { canonical: { key: '', isFile: false }, facades: new Map(), withOwnLogic: new Map() };
    const notBarrels = new Map<string, Evidence>();
    if (barrels) {
      const survey = surveyBarrels(project, declared);
      // A facade of the canonical module keeps its verdict: it may inline wrappers a barrel cannot.
      for (const [file, barrel] of survey.barrels) if (!graph.facades.has(file)) graph.facades.set(file, barrel);
      for (const [file, why] of survey.notBarrels) if (!graph.facades.has(file) && !graph.withOwnLogic.has(file)) notBarrels.set(file, why);
    }
    if (!options.detect) {
      for (const file of [...graph.facades.keys()]) if (!declared.includes(file)) graph.facades.delete(file);
    }
    const kept = new Map<string, string>();
    const entryPoints = publicEntryPoints(project);
    for (const file of graph.facades.keys()) {
      const reason = entryPoints(file)?.reason;
      if (reason) kept.set(file, `${ENTRY_POINT} (${reason})`);
    }
    // Inside its own package an entry-point barrel is a detour like any barrel; outside it, it is
    // the package, and importers elsewhere are never pointed past it into its files.
    const entryBarrels = barrels ? [...kept.keys()].filter((file) => graph.facades.get(file)?.barrel) : [];
    const imports = importsStateFor(project, graph, kept, new Set(entryBarrels));
    const importsByPackage = new Map<string, ImportsState>();
    if (options.rewireEntryPoints) {
      const byPackage = new Map<string, string[]>();
      for (const file of entryBarrels) {
        const root = project.packageOf(file)?.root;
        if (root !== undefined) byPackage.set(root, [...(byPackage.get(root) ?? []), file]);
      }
      for (const [root, files] of byPackage) {
        const stays = new Map([...kept].filter(([file]) => !files.includes(file)));
        importsByPackage.set(root, importsStateFor(project, graph, stays, new Set(entryBarrels.filter((file) => !files.includes(file)))));
      }
    }
    const mockSources = [imports, ...importsByPackage.values()].flatMap((each) => {
      const held = findHeldMocks(project, each, planModuleReferences);
      each.heldMockOf = held.heldMockOf;
      return held.sources;
    });
    // What an entry point hands on stays as written too (see findBlockers); its importers are still pointed past it.
    const namedEntries = barrels ? project.files.filter((file) => entryPoints(file)?.named) : [];
    const asWritten = new Set([...namedEntries, ...handedOnBarrels(project, (file) => graph.facades.get(file)?.barrel !== undefined, namedEntries).keys()]);
    const hasWrappers = [...graph.facades.values()].some((facade) => [...facade.roles.values()].some((role) => role.kind !== 'forward'));
    const state: FacadesState = { project, graph, imports, importsByPackage, notBarrels, asWritten, hasWrappers, doomed: new Set(), kept, sources: [] };
    // Modules the config names as legacy were migrated away from on purpose: no importer left is expected.
    const named = [
      ...project.config.legacy.flatMap((entry, index) => declaredFacade(project, entry.module, `legacy[${index}].module`)),
      ...project.config.moves.flatMap((move, index) => declaredFacade(project, move.from.module, `moves[${index}].from.module`)),
    ];
    const consumers = findBlockers(state, new Set([...declared, ...named]));
    const mapSources = [imports, ...importsByPackage.values()].flatMap((each) => each.map.sources());
    state.sources = [...new Set([...graph.facades.keys(), ...graph.withOwnLogic.keys(), ...notBarrels.keys(), ...mapSources, ...consumers, ...mockSources])].sort();
    return state;
  },

  mayMatter(text, state, file) {
    return state.graph.facades.has(file) || state.graph.withOwnLogic.has(file) || state.notBarrels.has(file) || namesFacade(text, file, state);
  },

  stateSources: (state) => state.sources,

  detect(file, state) {
    const facade = state.graph.facades.get(file.file);
    if (facade && !state.kept.has(file.file)) return { findings: [facadeFinding(facade, state)], mentions: [] };
    const findings: FacadesFinding[] = [];
    // A kept facade is a manual item, unless it is kept on purpose as a public entry point.
    if (facade && !state.kept.get(file.file)!.startsWith(ENTRY_POINT)) findings.push(facadeFinding(facade, state));
    const ownLogic = state.graph.withOwnLogic.get(file.file);
    if (ownLogic) {
      const first = ownLogic.reasons[0]!;
      findings.push({
        phase: 'facades',
        kind: 'real-module',
        file: file.file,
        line: first.line,
        column: first.column,
        messageId: 'realModule',
        data: { file: file.file, canonical: state.graph.canonical.key },
        fixable: false,
        reason: ownLogicReason(ownLogic.reasons),
      });
    }
    const notBarrel = state.notBarrels.get(file.file);
    if (notBarrel) {
      findings.push({
        phase: 'facades',
        kind: 'real-module',
        file: file.file,
        line: notBarrel.line,
        column: notBarrel.column,
        messageId: 'notBarrel',
        data: { file: file.file },
        fixable: false,
        reason: `kept: facades.modules names it, but it ${notBarrel.text}`,
      });
    }
    if (state.asWritten.has(file.file)) return { findings, mentions: [] };
    const inline = planInlining(file, state);
    findings.push(...inline.findings);
    const imports = importsOf(state, file.file);
    const planned = planModuleReferences(file, imports);
    for (const finding of referenceFindings(file.file, planned)) {
      // Inlining removes the import of a wrapper: its name does not stay behind.
      if (finding.messageId === 'noCounterpart' && inline.names.some((name) => name.name === finding.data.name && name.module === finding.data.module)) continue;
      if (finding.messageId === 'renamedNames') throw new Error(`${file.file}: a facade's names were renamed within it`);
      findings.push({ ...finding, phase: 'facades', kind: finding.kind === 'no-counterpart' ? 'no-counterpart' : 'facade-import' });
    }
    return { findings, mentions: findMentions(file, imports.legacyTerms, 'facades', planned.codeLiterals) };
  },

  apply(file, state) {
    // A facade is deleted, not edited; a kept one stops handing on other facades like any consumer.
    if (state.doomed.has(file.file) || state.asWritten.has(file.file)) return false;
    return rewriteConsumer(file, state);
  },

  deletions(state) {
    return [...state.doomed].sort().map((file) => ({ file, ...deletionReason(state.graph.facades.get(file)!, state.graph.canonical.key) }));
  },
});

/** Rewrites a consumer as text edits: wrappers inlined, their imports gone, references rewired. */
function rewriteConsumer(file: FileContext, state: FacadesState): boolean {
  const inline = planInlining(file, state);
  const imports = importsOf(state, file.file);
  const editor = new FileEditor(file, imports);
  const comments = commentsOf(file.root);
  for (const site of inline.sites) {
    const localOf = (name: string): string => {
      const free = site.template.free.get(name)!;
      const target = finalTarget(state, free.module, free.name);
      return editor.ensureImport(target.module, target.name, site.declaration, String((site.declaration.node as ImportDeclaration).source.value));
    };
    const inlined = inlineCall(file.j, file.source, site.call.node, site.template, localOf, comments);
    editor.replace(site.call.node, inlined.text);
    writeCallComments(file, site.call, inlined);
  }
  // An import of a wrapper nothing calls has no sites, and goes all the same.
  for (const { declaration, specifier } of inline.specifiers) editor.removeSpecifier(declaration.node, specifier);
  const rewired = rewireModuleReferences(file, imports, editor);
  editor.finish();
  return rewired || inline.sites.length > 0 || inline.specifiers.length > 0;
}

interface InlineSite {
  call: ASTPath;
  template: InlineTemplate;
  declaration: ASTPath;
}

interface InlinePlan {
  sites: InlineSite[];
  specifiers: Array<{ declaration: ASTPath; specifier: unknown }>;
  findings: FacadesFinding[];
  /** Names whose imports inlining removes, with their module, so the rewiring's "stays" is not reported for them. */
  names: Array<{ module: string; name: string }>;
}

/**
 * Calls of delegating wrappers imported from facades. Every use of an imported wrapper must be
 * a call that can be inlined; otherwise the import stays and the use is a manual item.
 */
function planInlining(file: FileContext, state: FacadesState): InlinePlan {
  const { j, root } = file;
  const plan: InlinePlan = { sites: [], specifiers: [], findings: [], names: [] };
  // Barrels only pass names on: with no wrapper anywhere, there is nothing to look for.
  if (!state.hasWrappers) return plan;
  importDeclarations(j, root).forEach((declaration) => {
    const module = state.project.resolve(String(declaration.node.source.value), file.file);
    if (!state.graph.facades.has(module.key)) return;
    for (const specifier of declaration.node.specifiers ?? []) {
      const local = localName(specifier);
      if (specifier.type === 'ImportNamespaceSpecifier') {
        // `ns.wrapper(…)`: each member with a wrapper behind it is planned like a named import.
        const members = new Map<string, ASTPath[]>();
        for (const use of identifierUses(file, local, specifier)) {
          const parent = use.parent?.node as { type: string; object?: ASTNode; property?: ASTNode; computed?: boolean } | undefined;
          if (parent?.type !== 'MemberExpression' || parent.object !== use.node || parent.computed) continue;
          const name = nameOf(parent.property);
          members.set(name, [...(members.get(name) ?? []), use.parent!]);
        }
        for (const [name, uses] of members) {
          const role = finalRole(state, module.key, name);
          if (role && role.kind !== 'forward') planWrapperUses(file, plan, module.key, name, `${local}.${name}`, role, uses, declaration, undefined);
        }
        continue;
      }
      const name = specifier.type === 'ImportSpecifier' ? nameOf(specifier.imported) : 'default';
      const role = finalRole(state, module.key, name);
      if (!role || role.kind === 'forward') continue;
      planWrapperUses(file, plan, module.key, name, local, role, identifierUses(file, local, specifier), declaration, specifier);
    }
  });
  return plan;
}

/** Plans the uses of one imported wrapper: all of them are inlinable calls, or none is touched. */
function planWrapperUses(
  file: FileContext,
  plan: InlinePlan,
  module: string,
  name: string,
  label: string,
  role: Exclude<ExportRole, { kind: 'forward' }>,
  uses: ASTPath[],
  declaration: ASTPath,
  specifier: unknown,
): void {
  plan.names.push({ module, name });
  const sites: InlineSite[] = [];
  const problems: Array<{ node: ASTNode; reason: string }> = [];
  for (const use of uses) {
    const parent = use.parent?.node as { type: string; callee?: ASTNode; object?: ASTNode; property?: ASTNode; computed?: boolean } | undefined;
    if (role.kind === 'inline') {
      if (parent?.type === 'CallExpression' && parent.callee === use.node) {
        const why = whyNotInlinable(use.parent, role.template);
        if (why) problems.push({ node: parent as ASTNode, reason: why });
        else sites.push({ call: use.parent!, template: role.template, declaration });
      } else problems.push({ node: use.node, reason: `${label} is used other than as a call` });
      continue;
    }
    const member = parent?.type === 'MemberExpression' && parent.object === use.node && !parent.computed ? nameOf(parent.property) : undefined;
    const template = member ? role.members.get(member) : undefined;
    const call = use.parent?.parent?.node as { type: string; callee?: ASTNode } | undefined;
    if (template && call?.type === 'CallExpression' && call.callee === parent) {
      const why = whyNotInlinable(use.parent!.parent, template);
      if (why) problems.push({ node: call as ASTNode, reason: why });
      else sites.push({ call: use.parent!.parent!, template, declaration });
    } else problems.push({ node: use.node, reason: `${label} is used other than as a call of one of its static methods` });
  }
  const at = (node: ASTNode): { line: number; column: number } => {
    const start = (node as { loc?: { start: { line: number; column: number } } }).loc?.start;
    return { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
  };
  if (problems.length > 0) {
    for (const problem of problems) {
      plan.findings.push({
        phase: 'facades',
        kind: 'wrapper-call',
        file: file.file,
        ...at(problem.node),
        messageId: 'wrapperNotInlinable',
        data: { wrapper: label, module },
        fixable: false,
        reason: problem.reason,
      });
    }
    return;
  }
  for (const site of sites) {
    plan.findings.push({
      phase: 'facades',
      kind: 'wrapper-call',
      file: file.file,
      ...at(site.call.node),
      messageId: 'wrapperInlined',
      data: { wrapper: label, module, replacement: site.template.text },
      fixable: true,
    });
  }
  if (specifier && sites.length === 0) {
    plan.findings.push({ phase: 'facades', kind: 'facade-import', file: file.file, ...at(specifier as ASTNode), messageId: 'unusedWrapperImport', data: { wrapper: label, module }, fixable: true });
  }
  plan.sites.push(...sites);
  if (specifier) plan.specifiers.push({ declaration, specifier });
}

/** References to a local binding (not its declaration, not property names, not shadowed… by name). */
function identifierUses(file: FileContext, local: string, specifier: unknown): ASTPath[] {
  const { j, root } = file;
  const uses: ASTPath[] = [];
  root.find(j.Identifier, { name: local }).forEach((path) => {
    const parent = path.parent?.node as { type: string; property?: unknown; key?: unknown; computed?: boolean; local?: unknown; imported?: unknown } | undefined;
    if (!parent) return;
    if (parent === specifier || parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier') return;
    if (parent.type === 'MemberExpression' && parent.property === path.node && !parent.computed) return;
    if (
      (parent.type === 'ObjectProperty' || parent.type === 'ClassMethod' || parent.type === 'ClassProperty' || parent.type === 'TSPropertySignature' || parent.type === 'TSMethodSignature') &&
      parent.key === path.node &&
      !parent.computed
    )
      return;
    if (parent.type === 'TSQualifiedName' && parent.property !== undefined) return;
    uses.push(path);
  });
  return uses;
}

/** What export `name` of module `key` finally is, following forwards through facades. */
function finalRole(state: FacadesState, key: string, name: string, depth = 0): ExportRole | undefined {
  const role = state.graph.facades.get(key)?.roles.get(name);
  if (!role || depth > 20) return role;
  if (role.kind === 'forward' && state.graph.facades.has(role.target.key)) return finalRole(state, role.target.key, role.name, depth + 1) ?? role;
  return role;
}

function finalTarget(state: FacadesState, module: ResolvedModule, name: string): { module: ResolvedModule; name: string } {
  const role = finalRole(state, module.key, name);
  return role?.kind === 'forward' ? { module: role.target, name: role.name } : { module, name };
}

function facadeFinding(facade: FacadeDetail, state: FacadesState): FacadesFinding {
  const first = facade.evidence[0] ?? { line: 1, column: 1, kind: facade.kinds[0] ?? 're-export', text: '' };
  // A barrel of fifty stars is told by its first lines.
  const shown = facade.evidence.length > EVIDENCE_SHOWN + 1 ? facade.evidence.slice(0, EVIDENCE_SHOWN) : facade.evidence;
  const more = facade.evidence.length - shown.length;
  const why = shown.map((item) => `${item.kind} at line ${item.line}: ${item.text}`).join('; ') + (more > 0 ? `; and ${more} more lines` : '');
  const kept = state.kept.get(facade.file);
  return {
    phase: 'facades',
    kind: 'facade',
    file: facade.file,
    line: first.line,
    column: first.column,
    ...(facade.barrel
      ? { messageId: 'barrel' as const, data: { kinds: facade.kinds.join(', '), evidence: why } }
      : { messageId: 'facade' as const, data: { canonical: state.graph.canonical.key, kinds: facade.kinds.join(', '), evidence: why } }),
    fixable: kept === undefined,
    ...(kept ? { reason: kept } : {}),
  };
}

/**
 * The rewiring's map for this phase: each facade is a legacy module whose names move to where they
 * finally live (the canonical module, or the real module a barrel passes them on from); the
 * names of wrappers to inline stay, and inlining removes their imports.
 */
/** opaque: kept modules whose importers are never rewired through them (entry points of other packages). */
function importsStateFor(project: ProjectServices, graph: FacadeGraph, kept: ReadonlyMap<string, string>, opaque: ReadonlySet<string> = new Set()): ImportsState {
  const state = { graph } as FacadesState;
  const stays = new Set(kept.keys());
  const legacy: SsotConfig['legacy'] = [];
  const moves: SsotConfig['moves'] = [];
  for (const [file, facade] of graph.facades) {
    if (kept.has(file)) continue;
    const exports: Record<string, string | null> = {};
    for (const name of facade.roles.keys()) {
      const role = finalRole(state, file, name);
      if (role?.kind !== 'forward') exports[name] = null;
      else if (role.target.key === graph.canonical.key && !facade.barrel) exports[name] = role.name;
      else moves.push({ from: { module: file, export: name }, to: { module: role.target.key, export: role.name } });
    }
    // A barrel's names are all listed as moves; what it does not list comes from its one unlisted star, if any.
    const unlisted = facade.barrel?.handsOnUnlisted;
    if (unlisted) legacy.push({ module: file, to: unlisted.key, exports: {} });
    else if (!facade.barrel) legacy.push({ module: file, exports });
  }
  const config: SsotConfig = { ...project.config, legacy, moves };
  const map = new CanonicalMap({ ...project, config }, { opaque });
  return {
    map,
    project,
    terms: map.prefilterTerms(),
    legacyTerms: map.legacyTerms(),
    // Kept as this map sees them: a barrel kept later, for an importer left behind, is still rewired away from elsewhere.
    barrelOutline: (key) => barrelOutline(state, stays, key),
    removes: (key) => graph.facades.has(key) && !stays.has(key),
    keepsSplitNamespace: (key) => !project.config.facades.splitNamespaces && graph.facades.get(key)?.barrel !== undefined,
  };
}

/** What `export * from` a barrel that goes away becomes: its stars, followed through barrels that go too, and its listed names. */
function barrelOutline(state: FacadesState, kept: ReadonlySet<string>, key: string, seen = new Set<string>()): BarrelOutline | undefined {
  const barrel = state.graph.facades.get(key)?.barrel;
  if (!barrel || kept.has(key) || seen.has(key)) return undefined;
  seen.add(key);
  const stars = new Map<string, ResolvedModule>();
  const named: NameMove[] = [];
  for (const target of barrel.stars) {
    const inner = barrelOutline(state, kept, target.key, seen);
    if (!inner) stars.set(target.key, target);
    for (const module of inner?.stars ?? []) stars.set(module.key, module);
    named.push(...(inner?.named ?? []));
  }
  // `export *` never hands on a default export.
  for (const name of barrel.listed.filter((listed) => listed !== 'default')) {
    const role = finalRole(state, key, name);
    if (role?.kind === 'forward') named.push({ name, target: role.target, targetName: role.name });
  }
  return { stars: [...stars.values()], named };
}

/** The rewiring a consumer gets: the one with its own package's entry points rewired, if any. */
function importsOf(state: FacadesState, file: string): ImportsState {
  if (state.importsByPackage.size === 0) return state.imports;
  const root = state.project.packageOf(file)?.root;
  return (root !== undefined && state.importsByPackage.get(root)) || state.imports;
}

/** Whether a file names a facade (or another module of the migration) in a string: worth a parse. */
function namesFacade(text: string, file: string, state: FacadesState): boolean {
  const imports = importsOf(state, file);
  return namesModuleOf(text, file, imports.terms, state.project, (key) => imports.map.concerns(key));
}

/**
 * A facade is deleted only when nothing would still import it after the rewrite: each
 * candidate file is rewritten in memory and its remaining references are checked. A facade
 * kept for that reason keeps the facades it imports too. Returns the files it read.
 */
function findBlockers(state: FacadesState, declared: ReadonlySet<string>): string[] {
  const { project, graph, kept } = state;
  const leftovers = new Map<string, Array<{ file: string; line: number; target: string }>>();
  const imported = new Set<string>();
  const consumers: string[] = [];
  // Words one of which every specifier of a facade contains, facades the rewiring leaves alone included.
  const facadeTerms = [...new Set([...state.imports.terms, ...[...state.importsByPackage.values()].flatMap((each) => each.terms), ...[...graph.facades.keys()].map(termOf)])];
  // Facades too: one that turns out to stay must stop handing on the others.
  for (const file of project.files) {
    const text = project.readFile(file);
    // Only a file that names a facade can keep one.
    if (text === undefined || !namesModuleOf(text, file, importsOf(state, file).terms, project, (key) => graph.facades.has(key))) continue;
    const parsed = project.parseSyntaxTree(file);
    if (!parsed) continue;
    consumers.push(file);
    const { source, root, j, reparse } = parsed;
    const references = findModuleReferences(root, source);
    for (const reference of references) imported.add(project.resolve(reference.specifier, file).key);
    // The references left once the file is rewritten: those of the rewritten text, parsed again.
    // An entry point left as written keeps all it names.
    let remaining = references;
    if (!state.asWritten.has(file)) {
      try {
        const context: FileContext = { file, source, j, root, edits: new TextEdits(source), touched: [] };
        if (rewriteConsumer(context, state)) {
          const rewritten = context.edits.apply();
          // Text that names no facade any more references none: no need to parse it again.
          remaining = namesModuleOf(rewritten, file, facadeTerms, project, (key) => graph.facades.has(key)) ? findModuleReferences(reparse(rewritten), rewritten) : [];
        }
      } catch {
        // A file the rewrite cannot handle keeps every facade it names.
      }
    }
    for (const reference of remaining) {
      const target = project.resolve(reference.specifier, file).key;
      if (graph.facades.has(target)) leftovers.set(file, [...(leftovers.get(file) ?? []), { file, line: reference.line, target }]);
    }
  }
  // A detected facade nothing in the repo imports may be an entry point used from outside
  // (a script, a route loaded by path, another repo): a human decides, or declares it. One that
  // files imported before an earlier `run imports` pointed them past it is what this phase, run
  // first, would have rewired and deleted: the order of the phases does not change the outcome.
  const doomed = new Set([...graph.facades.keys()].filter((file) => !kept.has(file)));
  for (const [facade, importer] of doomed.size > 0 ? importersOutsideScope(project, doomed, facadeTerms) : []) {
    const where = importer.line === undefined ? importer.file : `${importer.file}:${importer.line}`;
    kept.set(facade, `kept: ${where} imports it, and the run does not read that file (the config's include leaves it out): include it, or point it elsewhere by hand`);
  }
  let formerlyImported: ReadonlySet<string> | undefined;
  for (const file of graph.facades.keys()) {
    if (kept.has(file) || imported.has(file) || declared.has(file)) continue;
    formerlyImported ??= facadesImportedBefore(state, facadeTerms);
    if (formerlyImported.has(file)) continue;
    kept.set(file, 'kept: nothing in the repo imports it, so it may be an entry point used from outside; delete it by hand, or list it in facades.modules (or legacy) to have it deleted');
  }
  // Only files that stay can keep a facade: other files, and facades kept because of them.
  for (let grew = true; grew;) {
    grew = false;
    for (const [file, references] of leftovers) {
      if (graph.facades.has(file) && !kept.has(file)) continue;
      for (const reference of references) {
        if (kept.has(reference.target)) continue;
        const namespaces = graph.facades.get(reference.target)?.barrel?.namespaces ?? [];
        // A module object handed on by `export * as` has no named import to stand for it.
        const because = namespaces.length > 0 ? `; it hands on ${namespaces.join(', ')} as a module object (\`export * as\`), which only it provides` : ' (see the manual items there)';
        if (state.asWritten.has(file)) {
          kept.set(reference.target, `${ENTRY_POINT} hands it on (${file}, line ${reference.line})`);
          grew = true;
          continue;
        }
        const why = graph.facades.has(file) ? `${file}, which stays, still imports it (line ${reference.line})` : `${file}:${reference.line} still imports it after the rewrite${because}`;
        kept.set(reference.target, `kept: ${why}`);
        grew = true;
      }
    }
  }
  for (const file of graph.facades.keys()) if (!kept.has(file)) state.doomed.add(file);
  return consumers;
}

/** The facades that files imported before earlier `imports` runs changed them (from the undo journal). */
function facadesImportedBefore(state: FacadesState, facadeTerms: readonly string[]): Set<string> {
  const { project, graph } = state;
  const found = new Set<string>();
  const inScope = new Set(project.files);
  for (const { file, text } of project.formerTexts('imports')) {
    if (!inScope.has(file) || !namesModuleOf(text, file, facadeTerms, project, (key) => graph.facades.has(key))) continue;
    const parsed = project.parseSyntaxTree(file, text);
    if (!parsed) continue;
    for (const reference of findModuleReferences(parsed.root, parsed.source)) {
      const target = project.resolve(reference.specifier, file).key;
      if (graph.facades.has(target)) found.add(target);
    }
  }
  return found;
}

/** A module the config names that no longer exists was removed by an earlier run: nothing left to do. */
function declaredFacade(project: ProjectServices, name: string, field: string): string[] {
  try {
    return [project.resolveConfigModule(name, field).key];
  } catch (error) {
    if (error instanceof SsotError && error.code === 'MODULE_NOT_FOUND') return [];
    throw error;
  }
}

/**
 * The source files a built entry may come from: `dist/index.js` → `src/index.js`; an entry at the
 * package root (a package published from its build folder), or in a build folder of another name
 * (`cjs/index.js`, `esm5/index.js`), → the same name under `src/`.
 */
function sourcesOf(relative: string, root: string): string[] {
  const renamed = relative.replace(/(^|\/)(dist|lib|build|out)\//, '$1src/');
  // A pattern's folders are part of what it matches: only its file name moves under src/.
  if (path.posix.dirname(relative).includes('*')) return [renamed];
  return [...new Set([renamed, path.posix.join(root, 'src', path.posix.basename(relative))])];
}

/**
 * Why a file is a public entry point (named by a package.json `main`/`module`/`types`/`exports`,
 * or by config `facades.keep`), or undefined. An `exports` pattern (`"./*": "./*.js"`) makes every
 * file it matches one, since any of them may be imported by path from outside; `named` is false
 * for those.
 */
function publicEntryPoints(project: ProjectServices): (file: string) => { reason: string; named: boolean } | undefined {
  const entries = new Map<string, string>();
  const patterns: Array<{ prefix: string; suffix: string; reason: string }> = [];
  project.config.facades.keep.forEach((name, index) => {
    entries.set(stripExtension(project.resolveConfigModule(name, `facades.keep[${index}]`).key), 'facades.keep');
  });
  const manifests = new Set<string>();
  for (const file of project.files) {
    const info = project.packageOf(file);
    if (info) manifests.add(info.root);
  }
  for (const root of manifests) {
    const manifestFile = root ? `${root}/package.json` : 'package.json';
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(project.readFile(manifestFile) ?? '{}') as Record<string, unknown>;
    } catch {
      continue;
    }
    const targets: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect([manifest.main, manifest.module, manifest.types, manifest.typings, manifest.exports]);
    for (const target of targets) {
      const relative = path.posix.normalize(path.posix.join(root, target));
      const reason = `${manifestFile} names ${target}`;
      for (const entry of new Set([relative, ...sourcesOf(relative, root)])) {
        if (!entry.includes('*')) entries.set(stripExtension(entry), reason);
        else {
          const [prefix = '', suffix = ''] = stripExtension(entry).split('*');
          patterns.push({ prefix, suffix, reason });
        }
      }
    }
  }
  return (file) => {
    const key = stripExtension(file);
    const named = entries.get(key);
    if (named) return { reason: named, named: true };
    const pattern = patterns.find((each) => starMatch(each.prefix, each.suffix, key) !== undefined);
    return pattern && { reason: pattern.reason, named: false };
  };
}

/** How many of a real module's reasons its finding names. */
const OWN_LOGIC_SHOWN = 8;

/** Why a module is more than a facade: its first reasons, and how many more (a module of constants has one per line). */
function ownLogicReason(reasons: ReadonlyArray<{ text: string; line: number }>): string {
  const shown = reasons.slice(0, OWN_LOGIC_SHOWN).map((reason) => `${reason.text} (line ${reason.line})`);
  const more = reasons.length - shown.length;
  return `has logic of its own: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

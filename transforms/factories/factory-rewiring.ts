// Phase 4, factories: direct construction, static singletons and legacy accessors of the
// manager become the canonical per-user factory call, `createWebSocketManager(context)`, with
// the context taken from what is in scope. Where no context (or more than one) could be the
// user a site serves, the site is reported, never guessed. Managers shared at module level
// or kept in a registry keyed by less than the isolation key are reported with their users.
// Without a context type, a construction becomes the factory call with the constructor's
// arguments as written (`new Cache(opts)` → `createCache(opts)`), as a library migrates.
//
// Type-aware: `analyse` asks the checker once per run and stores a verdict per site; `detect`
// and `apply` only look verdicts up by position. `apply` edits text ranges of the original.
import type { ASTNode, ASTPath, CallExpression, NewExpression } from 'jscodeshift';
import type { Node, SourceFile } from 'ts-morph';
import { configuredNames, declarationKey, findAccessSites, isolationKeyOf, resolveTargets, type AccessKind, type AccessSite, type FactoriesConfig, type FactoryTargets } from './access-patterns.js';
import { BodyPositions, bodyOf, positionKey } from './body-positions.js';
import { chooseContext, contextsInScope } from './context-in-scope.js';
import { definePhase, type FileContext, type FindingReport, type ProjectServices, type ResolvedModule, type TypeServices } from '../../src/phase-api/define-phase.js';
import { FactoryImports } from './factory-imports.js';
import { importDeclarations, indentAt, type Ranged } from '../shared/ast-edits.js';
import { lineTerminatorOf } from '../shared/import-text.js';
import type { TextEdit } from '../../src/phase-api/text-edits.js';
import { isInert } from '../shared/inert-expression.js';
import { containsAnyTerm } from '../../src/shared/term-search.js';
import { describeUsers, findRegistries, holderOf, runsAtModuleLevel, usersOf } from './shared-instances.js';

type FactoriesMessageId = 'rewire' | 'atModuleLevel' | 'subclassConstruction' | 'contextUnclear' | 'sharedInstance' | 'registryKeyed' | 'registryUnkeyed';

interface SiteVerdict {
  /** Start and end of the site as babel sees them. */
  key: string;
  line: number;
  column: number;
  kind: string;
  messageId: FactoriesMessageId;
  data: Record<string, string>;
  /** The context expression to pass, when the site can be rewritten. */
  context?: string;
  /** The site's own argument that is the context (`new M(ctx)`): reused as written. */
  argument?: number;
  /** No context: the factory takes the constructor's arguments as written. */
  passThrough?: boolean;
  /** `Lib` of `new Lib.Cache(o)`, a namespace that exports the factory too: `Lib.createCache(o)`. */
  qualifier?: string;
  reason?: string;
}

interface FileVerdicts {
  /** The body the verdicts were computed on: other text (a rewrite) gets only the manual items. */
  body: string;
  sites: SiteVerdict[];
}

interface FactoriesState {
  project: ProjectServices;
  config: FactoriesConfig | undefined;
  terms: string[];
  files: Map<string, FileVerdicts>;
  factoryModule: ResolvedModule | undefined;
}

const KIND_OF: Record<AccessKind, string> = { construct: 'direct-construction', singleton: 'singleton-access', accessor: 'legacy-accessor' };

export default definePhase<FactoriesState, FactoriesMessageId>({
  meta: {
    id: 'factories',
    title: 'factory rewiring',
    description: 'Rewires direct construction, singletons and legacy accessors of the manager to the per-user factory, with the context in scope.',
    messages: {
      rewire: '{{site}} → {{factory}}({{context}})',
      // The site as written; the finding's reason says why it is left to a human.
      atModuleLevel: '{{site}}',
      subclassConstruction: '{{site}}',
      contextUnclear: '{{site}}',
      sharedInstance: '`{{holder}}` holds one {{type}} ({{site}}) for every caller',
      registryKeyed: 'registry `{{registry}}` of {{type}} instances keyed by {{keys}}: missing {{missing}} of the isolation key [{{isolationKey}}]',
      registryUnkeyed: 'registry `{{registry}}` of {{type}} instances with no key visible in its file: missing {{missing}} of the isolation key [{{isolationKey}}]',
    },
  },
  editModel: 'text',

  prepare(project) {
    const config = project.config.factories;
    if (!config) return { project, config, terms: [], files: new Map(), factoryModule: undefined };
    const factoryModule = project.resolveConfigModule(config.factory.module, 'factories.factory.module');
    const names = [...configuredNames(config), ...constructedInFactory(project, factoryModule, config.factory.export)];
    return { project, config, terms: withAliases(project, names), files: new Map(), factoryModule };
  },

  // Its terms come from files that name the configured symbols, which are its candidates: any
  // change to one already makes the engine analyse every candidate again.
  stateSources: () => [],

  mayMatter(text, state) {
    return containsAnyTerm(text, state.terms);
  },

  analyse(candidates, state, project) {
    if (!state.config || candidates.length === 0) return;
    const types = project.types();
    const targets = resolveTargets(project, types, state.config);
    const sourceFiles = types.load(candidates);
    candidates.forEach((file, index) => {
      const sourceFile = sourceFiles[index];
      if (sourceFile) state.files.set(file, analyseFile(sourceFile, targets, state.config!, types));
    });
  },

  detect(file, state) {
    const verdicts = state.files.get(file.file);
    if (!verdicts) return { findings: [], mentions: [] };
    const analysed = verdicts.body === file.source;
    // Text the checker did not see is a rewrite of what it saw: what apply fixed is gone,
    // what it left for a human is still there.
    const sites = verdicts.sites.filter((site) => analysed || site.context === undefined);
    // The fix names the factory as the file will import it: under another name where its own is taken.
    const exportName = state.config?.factory.export;
    const renamed = sites.some((site) => site.context !== undefined && site.qualifier === undefined);
    const local = renamed && exportName && state.factoryModule ? new FactoryImports(file, state.project).localName(state.factoryModule, exportName).local : exportName;
    const findings = sites.map((site) => findingOf(file.file, local !== exportName && site.qualifier === undefined ? withFactoryName(site, exportName!, local!) : site));
    return { findings, mentions: [] };
  },

  apply(file, state) {
    const verdicts = state.files.get(file.file);
    if (!verdicts || verdicts.body !== file.source || !state.factoryModule || !state.config) return false;
    const fixes = new Map(verdicts.sites.filter((site) => site.context !== undefined).map((site) => [site.key, site]));
    if (fixes.size === 0) return false;
    const { j } = file;
    const matches: SiteMatch[] = [];
    const collect = ({ node }: ASTPath<CallExpression | NewExpression>): void => {
      const site = fixes.get(babelKey(node));
      if (site) matches.push({ node, site });
    };
    file.root.find(j.CallExpression).forEach(collect);
    file.root.find(j.NewExpression).forEach(collect);
    if (matches.length === 0) return false;
    const roots = matches.map(({ node }) => calleeRoot(node)).filter((name): name is string => name !== undefined);
    const imports = new FactoryImports(file, state.project);
    const exportName = state.config.factory.export;
    const qualified = new Map(matches.filter(({ site }) => site.qualifier !== undefined).map(({ node, site }) => [node, `${site.qualifier}.${exportName}`]));
    const factory = qualified.size < matches.length ? imports.localName(state.factoryModule, exportName) : { local: exportName, missing: false };
    const replaced = rewrites(file, matches, (node) => qualified.get(node) ?? factory.local);
    for (const edit of replaced) file.edits.replace(edit.start, edit.end, edit.text);
    const styleFrom = roots.map((root) => importSourceOf(file, root)).find(Boolean);
    imports.removeUnused(new Set(roots.filter((root) => root !== factory.local)), replaced, state.factoryModule, exportName, factory);
    imports.addImport(state.factoryModule, exportName, factory, styleFrom);
    return true;
  },
});

interface SiteMatch {
  node: (CallExpression | NewExpression) & Ranged;
  site: SiteVerdict;
}

/** A stretch of the source and what it becomes; rewrites nest, the outermost become edits. */
interface Rewrite {
  start: number;
  end: number;
  text(): string;
}

/**
 * The edits that rewire the sites: each becomes `factory(context)`, its context argument copied
 * as written (with the sites inside it rewritten too), and a note among the arguments it no
 * longer takes kept after the context. A conditional whose branches become the same call and
 * whose condition has no effects becomes that call.
 */
function rewrites(file: FileContext, matches: readonly SiteMatch[], factoryFor: (node: SiteMatch['node']) => string): TextEdit[] {
  const { source } = file;
  const all: Rewrite[] = [];
  // The source from `start` to `end` with the rewrites inside it applied.
  const rewritten = (start: number, end: number): string => {
    const inside = all.filter((rewrite) => start <= rewrite.start && rewrite.end <= end);
    const outermost = inside.filter((rewrite) => !inside.some((other) => other !== rewrite && other.start <= rewrite.start && rewrite.end <= other.end)).sort((a, b) => a.start - b.start);
    let out = '';
    let cursor = start;
    for (const rewrite of outermost) {
      out += source.slice(cursor, rewrite.start) + rewrite.text();
      cursor = rewrite.end;
    }
    return out + source.slice(cursor, end);
  };
  const comments = (file.root.get().node as { comments?: Array<Ranged & { type: string; start: number; end: number }> | null }).comments ?? [];
  const terminator = lineTerminatorOf(source);
  for (const { node, site } of matches) {
    const factory = factoryFor(node);
    if (site.passThrough) {
      // `new Cache<T>(opts)` → `createCache<T>(opts)`: type arguments and arguments stay as written.
      const calleeEnd = (node.callee as unknown as Ranged).end!;
      all.push({ start: node.start!, end: node.end!, text: () => `${factory}${rewritten(calleeEnd, node.end!)}${source[node.end! - 1] === ')' ? '' : '()'}` });
      continue;
    }
    const kept = site.argument !== undefined ? (node.arguments[site.argument] as unknown as Ranged) : undefined;
    all.push({
      start: node.start!,
      end: node.end!,
      text: () => {
        const context = kept ? rewritten(kept.start!, kept.end!) : site.context!;
        const dropped = comments.filter((comment) => node.start! <= comment.start && comment.end <= node.end! && !(kept && kept.start! <= comment.start && comment.end <= kept.end!));
        const notes = dropped.map((comment) => {
          const text = source.slice(comment.start, comment.end);
          return comment.type === 'CommentLine' ? ` ${text}${terminator}${indentAt(source, node.start!)}` : ` ${text}`;
        });
        return `${factory}(${context}${notes.join('')})`;
      },
    });
  }
  const siteNodes = new Set<unknown>(matches.map(({ node }) => node));
  file.root.find(file.j.ConditionalExpression).forEach(({ node }) => {
    const conditional = node as unknown as Ranged & { test: ASTNode; consequent: Ranged; alternate: Ranged };
    if (!siteNodes.has(conditional.consequent) && !siteNodes.has(conditional.alternate)) return;
    if (!isInert(conditional.test)) return;
    const branch = (part: Ranged): string => rewritten(part.start!, part.end!).replace(/\s+/g, '');
    if (branch(conditional.consequent) !== branch(conditional.alternate)) return;
    all.push({ start: conditional.start!, end: conditional.end!, text: () => rewritten(conditional.alternate.start!, conditional.alternate.end!) });
  });
  const outermost = all.filter((rewrite) => !all.some((other) => other !== rewrite && other.start <= rewrite.start && rewrite.end <= other.end));
  return outermost.map((rewrite) => ({ start: rewrite.start, end: rewrite.end, text: rewrite.text() }));
}

function analyseFile(sourceFile: SourceFile, targets: FactoryTargets, config: FactoriesConfig, types: TypeServices): FileVerdicts {
  const text = sourceFile.getFullText();
  const positions = new BodyPositions(text);
  const sites: SiteVerdict[] = [];
  const at = (node: Node): Pick<SiteVerdict, 'key' | 'line' | 'column'> => {
    const start = positions.at(node.getStart());
    const end = positions.at(node.getEnd());
    return { key: `${positionKey(start)}-${positionKey(end)}`, line: start.line, column: start.column };
  };
  const isolationKey = isolationKeyOf(config);
  const type = productOf(targets);
  const call = factoryCall(targets);
  for (const registry of isolationKey.length > 0 ? findRegistries(sourceFile, targets, isolationKey) : []) {
    const keys = registry.keys.map((key) => `\`${key}\``).join(', ');
    sites.push({
      ...at(registry.name),
      kind: 'shared-registry',
      messageId: keys ? 'registryKeyed' : 'registryUnkeyed',
      data: { registry: registry.name.getText(), type, keys, missing: registry.missing.join(', '), isolationKey: isolationKey.join(', ') },
      reason: `every request of the same ${registry.keys.some((key) => key.includes('userId')) ? 'user' : 'key'} shares one ${type} (${describeUsers(usersOf(registry.name, types))}): create one per request with ${call} where it is used, or key the registry by ${isolationKey.join(' and ')}`,
    });
  }
  for (const site of findAccessSites(sourceFile, targets)) sites.push(verdictOf(site, targets, config, types, at));
  sites.sort((a, b) => a.line - b.line || a.column - b.column);
  return { body: bodyOf(text), sites };
}

function verdictOf(site: AccessSite, targets: FactoryTargets, config: FactoriesConfig, types: TypeServices, at: (node: Node) => Pick<SiteVerdict, 'key' | 'line' | 'column'>): SiteVerdict {
  const shown = site.node.getText().replace(/\s+/g, ' ');
  const written = shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
  const base = { ...at(site.node), kind: KIND_OF[site.kind] };
  const type = productOf(targets);
  const call = factoryCall(targets);
  // Shared at module level matters only where instances must be kept apart by a key.
  if (runsAtModuleLevel(site.node) && isolationKeyOf(config).length > 0) {
    const holder = holderOf(site.node);
    if (holder) {
      return {
        ...base,
        kind: 'shared-instance',
        messageId: 'sharedInstance',
        data: { holder: holder.getText(), type, site: written },
        reason: `it is created once, at module load (${describeUsers(usersOf(holder, types))}): create a ${type} per request with ${call} where it is used, and pass it down`,
      };
    }
    return {
      ...base,
      messageId: 'atModuleLevel',
      data: { site: written },
      reason: `it runs once at module load, outside any request: move it into the code that serves a request and call ${call} there`,
    };
  }
  if (site.subclass) {
    const facade = targets.context
      ? 'a subclass that adds nothing is a facade (run facades first, then this site is rewired); one with logic of its own must be created per request by hand'
      : `${targets.factory.name} creates a ${site.target}, not a ${site.subclass}: construct it by hand, or give the subclass a factory of its own`;
    return { ...base, messageId: 'subclassConstruction', data: { site: written }, reason: `${site.subclass} extends ${site.target}: ${facade}` };
  }
  if (!targets.context) {
    // No context: the factory takes what the constructor took.
    if (site.kind !== 'construct')
      return {
        ...base,
        messageId: 'contextUnclear',
        data: { site: written },
        reason: `without a contextType only constructions of ${type} are rewritten: call ${call} by hand with the arguments this ${type} needs`,
      };
    const args = (site.node as unknown as { getArguments(): Node[] })
      .getArguments()
      .map((argument) => argument.getText().replace(/\s+/g, ' '))
      .join(', ');
    const shownArgs = args.length > 40 ? `${args.slice(0, 37)}...` : args;
    const qualifier = namespaceOfFactory(site, targets);
    // The call as it will read, type arguments included.
    const typeArguments = (site.node as unknown as { getTypeArguments(): Node[] }).getTypeArguments().map((argument) => argument.getText());
    const factory = `${qualifier ? `${qualifier}.` : ''}${targets.factory.name}${typeArguments.length > 0 ? `<${typeArguments.join(', ')}>` : ''}`;
    return { ...base, messageId: 'rewire', data: { site: written, factory, context: shownArgs }, context: args, passThrough: true, ...(qualifier ? { qualifier } : {}) };
  }
  const choice = chooseContext(site, contextsInScope(site.node, targets, config.contextExpressions), targets);
  if ('reason' in choice) return { ...base, messageId: 'contextUnclear', data: { site: written }, reason: choice.reason };
  const qualifier = namespaceOfFactory(site, targets);
  const factory = qualifier ? `${qualifier}.${targets.factory.name}` : targets.factory.name;
  return {
    ...base,
    messageId: 'rewire',
    data: { site: written, factory, context: choice.context },
    context: choice.context,
    ...(choice.argument !== undefined ? { argument: choice.argument } : {}),
    ...(qualifier ? { qualifier } : {}),
  };
}

/** `Lib` of `new Lib.Cache(o)` when `Lib` is a namespace import whose module exports the factory. */
function namespaceOfFactory(site: AccessSite, targets: FactoryTargets): string | undefined {
  if (site.kind !== 'construct') return undefined;
  const callee = site.node.getExpression();
  if (callee.getKindName() !== 'PropertyAccessExpression') return undefined;
  const namespace = (callee as unknown as { getExpression(): Node }).getExpression();
  if (namespace.getKindName() !== 'Identifier') return undefined;
  const symbol = namespace.getSymbol();
  if (!symbol?.getDeclarations().some((declaration) => declaration.getKindName() === 'NamespaceImport')) return undefined;
  const exported = namespace.getType().getProperty(targets.factory.name);
  const declarations = exported?.getDeclarations() ?? [];
  const aliased = exported?.getAliasedSymbol()?.getDeclarations() ?? [];
  return [...declarations, ...aliased].some((declaration) => targets.factory.keys.has(declarationKey(declaration))) ? namespace.getText() : undefined;
}

/** The class the factory makes, for messages: the one it returns, else the first configured. */
function productOf(targets: FactoryTargets): string {
  return [...targets.classes.values()][0] ?? 'instance';
}

/** How the factory is called, for messages: `createManager(context)`, `createCache(…)`. */
function factoryCall(targets: FactoryTargets): string {
  return `${targets.factory.name}(${targets.context ? 'context' : '…'})`;
}

/** The site with its message naming the factory `local` where it says `exportName`. */
function withFactoryName(site: SiteVerdict, exportName: string, local: string): SiteVerdict {
  const factory = (site.data as { factory?: unknown }).factory;
  if (site.messageId !== 'rewire' || typeof factory !== 'string' || !factory.startsWith(exportName)) return site;
  return { ...site, data: { ...site.data, factory: local + factory.slice(exportName.length) } };
}

function findingOf(file: string, site: SiteVerdict): FindingReport<FactoriesMessageId> {
  return {
    phase: 'factories',
    kind: site.kind,
    file,
    line: site.line,
    column: site.column + 1,
    messageId: site.messageId,
    data: site.data,
    fixable: site.context !== undefined,
    ...(site.reason ? { reason: site.reason } : {}),
  };
}

function babelKey(node: ASTNode): string {
  const loc = (node as { loc?: { start: { line: number; column: number }; end: { line: number; column: number } } }).loc;
  return loc ? `${positionKey(loc.start)}-${positionKey(loc.end)}` : '';
}

/** The name a call or construction starts from: `getX` of `getX()`, `legacy` of `legacy.getX()`. */
function calleeRoot(node: CallExpression | NewExpression): string | undefined {
  let callee = node.callee as { type: string; name?: string; object?: unknown; expression?: unknown };
  while (callee.type === 'MemberExpression' || callee.type === 'TSNonNullExpression') callee = (callee.object ?? callee.expression) as typeof callee;
  return callee.type === 'Identifier' ? callee.name : undefined;
}

/** The specifier of the import that binds `local`, to write the factory's import alike. */
function importSourceOf(file: FileContext, local: string): string | undefined {
  let found: string | undefined;
  importDeclarations(file.j, file.root).forEach(({ node }) => {
    if ((node.specifiers ?? []).some((specifier) => specifier.local?.name === local)) found ??= String(node.source.value);
  });
  return found;
}

/**
 * The class the factory constructs, read from its module's text: a prefilter term before any
 * type is loaded (the checker confirms it in analyse).
 */
function constructedInFactory(project: ProjectServices, module: ResolvedModule, factory: string): string[] {
  if (!module.isFile) return [];
  const text = project.readFile(module.key) ?? '';
  const start = text.search(new RegExp(`function\\s+${factory}\\b|\\b${factory}\\s*=`));
  if (start === -1) return [];
  const constructed = /\bnew\s+([A-Za-z_$][\w$]*)/.exec(text.slice(start));
  return constructed ? [constructed[1]!] : [];
}

/**
 * The configured names plus the names files give them: `const X = Name`, `Name as X`, and the
 * module of an `export default Name` (its importers pick any name). Read from text, so the
 * prefilter keeps every file that may reach a configured symbol under another name.
 */
function withAliases(project: ProjectServices, names: string[]): string[] {
  const terms = new Set(names);
  const identifiers = new Set(names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)));
  for (let changed = true; changed;) {
    changed = false;
    const pattern = [...identifiers].map((name) => name.replace(/\$/g, '\\$')).join('|');
    if (!pattern) break;
    const aliasing = new RegExp(
      `(?:\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*(?::[^=;]+)?=\\s*(?:${pattern})\\s*[;\\n]|\\b(?:${pattern})\\s+as\\s+([A-Za-z_$][\\w$]*)|export\\s+default\\s+(?:${pattern})\\b)`,
      'g',
    );
    for (const file of project.files) {
      const text = project.readFile(file);
      if (!text || ![...identifiers].some((name) => text.includes(name))) continue;
      for (const match of text.matchAll(aliasing)) {
        const alias = match[1] ?? match[2];
        const term = alias ?? moduleTerm(file);
        if (terms.has(term)) continue;
        terms.add(term);
        if (alias) identifiers.add(alias);
        changed = true;
      }
    }
  }
  return [...terms].sort();
}

/** What an import of a module file must contain: its base name. */
function moduleTerm(file: string): string {
  const base = file
    .split('/')
    .pop()!
    .replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? (file.split('/').slice(-2, -1)[0] ?? base) : base;
}

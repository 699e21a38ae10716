// Phase 3, signatures: call sites of legacy method and function shapes are rewritten to the
// canonical shape from templates, only where ts-morph resolves the receiver (or callee) to a
// configured type; ambiguous sites, canonical calls that do not fit their signature and manager
// classes that miss a canonical method are reported. The type checker runs in `analyse`;
// `detect` and `apply` share `planCalls`, so what scan counts is what run fixes.
import type { ASTNode } from 'jscodeshift';
import { SsotError } from '../../src/errors.js';
import { containsAnyTerm } from '../../src/shared/term-search.js';
import { bindCall, instantiate, localHole, parseTemplate, shortText, type Bindings } from './call-templates.js';
import { freeName, usedNames } from '../shared/ast-edits.js';
import { definePhase, type FileContext, type FindingReport, type ProjectServices } from '../../src/phase-api/define-phase.js';
import { checkIdempotence } from './idempotence.js';
import { readCanonicalInterface, type InterfaceMessageId } from './interface-completeness.js';
import { resolveDeclaration } from './receiver-types.js';
import { ensureImport, importBlocked } from './required-imports.js';
import { forEachNodeHolding } from '../shared/plain-walk.js';
import { removeUnusedBindings } from '../shared/unused-bindings.js';
import type { TextEdit } from '../../src/phase-api/text-edits.js';
import { analyseFile, siteKey, type CallMessageId, type ConfiguredTemplate, type FileAnalysis, type SignatureConfig } from './signature-analysis.js';

interface SignaturesState {
  project: ProjectServices;
  config: SignatureConfig;
  terms: string[];
  files: Map<string, FileAnalysis>;
}

interface CallPlan {
  node: ASTNode & { callee?: unknown; loc?: { start: { line: number; column: number } } };
  template?: ConfiguredTemplate;
  bindings?: Bindings;
  blocked?: string;
  arity?: { display: string; given: number };
  ambiguous?: { template: ConfiguredTemplate; why: string };
  /** Matched by the method name alone: the receiver's type is unknown. */
  untyped?: boolean;
}

export default definePhase<SignaturesState, CallMessageId | InterfaceMessageId>({
  meta: {
    id: 'signatures',
    title: 'signature normalisation',
    description: 'Rewrites legacy call shapes to the canonical signatures where the receiver type is known, and reports incomplete manager implementations.',
    messages: {
      templateMatch: '{{call}} matches {{template}} "{{match}}" → "{{replace}}"',
      ambiguousReceiver: '{{call}} has the shape of {{template}} "{{match}}", but {{why}}',
      wrongArity: '{{call}} passes {{given}} arguments; canonical {{signature}}',
      wrongAritySingular: '{{call}} passes {{given}} argument; canonical {{signature}}',
      interfaceMissing: '{{className}} has no {{method}}: canonical {{canonical}}',
      interfaceMismatch: '{{offered}} vs canonical {{canonical}}',
    },
  },
  editModel: 'text',

  prepare(project) {
    // Templates are parsed here (their errors are config errors); the type checker is not
    // started until analyse, which runs only when some file passes the prefilter.
    // Without a `signatures` section the phase has nothing to check: it never starts the type
    // checker, which costs seconds on a large repo.
    const configured = project.config.signatures !== undefined;
    const templates = (project.config.signatures?.templates ?? []).map((entry, index) => parseTemplate(project.j, index, entry.match, entry.replace, entry.where));
    // `new $C()` names its class in `function` only.
    checkIdempotence(templates);
    const terms = new Set<string>(templates.map((template, index) => template.name || (project.config.signatures!.templates[index]!.function?.export ?? '')).filter(Boolean));
    if (configured) for (const name of canonicalTerms(project)) terms.add(name);
    for (const entry of project.config.signatures?.implementations ?? []) terms.add(entry.export);
    const config: SignatureConfig = { templates: [], canonical: undefined, interfaceTargets: new Set(), arityTargets: new Set(), implementations: [], legacyModules: new Set(), untypedByName: false };
    return { project, config, terms: [...terms], files: new Map() };
  },

  // The canonical module gives the method names it looks for.
  stateSources: ({ project }) => {
    const module = project.config.signatures?.interface?.module ?? project.config.canonical?.module;
    return project.config.signatures && module ? [project.resolveConfigModule(module, 'canonical.module').key] : [];
  },

  mayMatter(text, state) {
    return containsAnyTerm(text, state.terms);
  },

  analyse(candidates, state, project) {
    if (candidates.length === 0) return;
    const sourceFiles = project.types().load(candidates);
    // Loading files rebuilds the type checker: types and symbols from before are stale, so the
    // configured declarations are resolved again against the program the files are checked in.
    state.config = readSignatureConfig(project);
    sourceFiles.forEach((sourceFile, index) => {
      state.files.set(candidates[index]!, analyseFile(sourceFile, candidates[index]!, state.config, project));
    });
  },

  detect(file, state) {
    const analysis = state.files.get(file.file);
    if (!analysis) return { findings: [], mentions: [] };
    // Text the type checker did not see (a rewrite being re-checked): what was manual stays so.
    if (analysis.text !== file.source) return { findings: [...analysis.interfaceFindings, ...(analysis.manual ?? [])], mentions: [] };
    const findings = planCalls(file, state, analysis).flatMap((plan) => findingsOf(file, plan));
    analysis.manual = findings.filter((finding) => !finding.fixable);
    return { findings: [...analysis.interfaceFindings, ...findings], mentions: [] };
  },

  apply(file, state) {
    const analysis = state.files.get(file.file);
    if (!analysis || analysis.text !== file.source) return false;
    const plans = planCalls(file, state, analysis).filter((plan) => plan.template && plan.bindings && !plan.blocked);
    // A call inside another rewritten call travels inside its bound text: rewrite the outer one.
    const outer = plans.filter((plan) => !plans.some((other) => other !== plan && contains(other.bindings!.range, plan.bindings!.range)));
    // The replacement is text: bound arguments keep their source verbatim, comments included.
    // A statement template's locals get names nothing in the file uses, nor an earlier site's.
    const taken = usedNames(file.j, file.root);
    for (const plan of outer) for (const local of plan.template!.locals ?? []) plan.bindings!.texts.set(localHole(local), freeName(local, taken));
    const replaced: TextEdit[] = outer.map((plan) => ({ ...plan.bindings!.range, text: instantiate(plan.template!, plan.bindings!, file.source) }));
    for (const edit of replaced) file.edits.replace(edit.start, edit.end, edit.text);
    // What the old calls went through (`ping` of `ping(…)`, `legacy` of `legacy.notify_user(…)`) goes once nothing uses it.
    const roots = outer.map((plan) => calleeRoot((plan.node.callee ?? plan.node) as ASTNode));
    removeUnusedBindings(file, new Set(roots.filter((name) => name !== undefined)), replaced);
    for (const required of new Map(outer.flatMap((plan) => plan.template!.imports).map((item) => [`${item.module}\0${item.name}`, item])).values()) {
      ensureImport(file, state.project, required);
    }
    return outer.length > 0;
  },
});

/** The config, resolved: templates parsed, types and functions found, the canonical interface read. */
function readSignatureConfig(project: ProjectServices): SignatureConfig {
  const section = project.config.signatures;
  const checker = () => project.types().project.getTypeChecker();
  const templates: ConfiguredTemplate[] = (section?.templates ?? []).map((entry, index) => {
    const parsed = parseTemplate(project.j, index, entry.match, entry.replace, entry.where);
    const field = `signatures.templates[${index}]`;
    const shape = { method: 'a method call', member: 'a member read', function: 'a function call', new: 'a construction' }[parsed.kind];
    if ((parsed.kind === 'method' || parsed.kind === 'member') && !entry.receivers?.length)
      throw configError(`${field}.receivers: "${entry.match}" is ${shape}: name the receiver types it applies to`);
    if (parsed.kind === 'function' && !entry.function) throw configError(`${field}.function: "${entry.match}" is a function call: name the function's module and export`);
    if (parsed.kind === 'new' && !entry.function) throw configError(`${field}.function: "${entry.match}" is a construction: name the class's module and export`);
    if ((parsed.kind === 'method' || parsed.kind === 'member') && entry.function) throw configError(`${field}.function: "${entry.match}" is ${shape}: use receivers, not function`);
    const receivers = new Set((entry.receivers ?? []).flatMap((ref, position) => [...resolveDeclaration(project, ref, `${field}.receivers[${position}]`).identities]));
    const imports = (entry.imports ?? []).map((ref, position) => {
      const module = project.resolveConfigModule(ref.module, `${field}.imports[${position}].module`);
      return { module: module.key, isFile: module.isFile, name: ref.export };
    });
    return {
      ...parsed,
      receivers,
      imports,
      ...(entry.function ? { function: resolveDeclaration(project, entry.function, `${field}.function`) } : {}),
    };
  });

  const interfaceRef = section?.interface ?? canonicalClassRef(project);
  const interfaceDeclaration = interfaceRef ? resolveDeclaration(project, interfaceRef, section?.interface ? 'signatures.interface' : 'canonical.module') : undefined;
  const canonical = interfaceDeclaration ? readCanonicalInterface(interfaceDeclaration, checker()) : undefined;
  const interfaceTargets = new Set(interfaceDeclaration ? [...interfaceDeclaration.identities] : []);
  const arityTargets = new Set([...interfaceTargets, ...templates.flatMap((template) => [...template.receivers])]);
  const implementations = (section?.implementations ?? []).map((entry, index) => {
    const declaration = resolveDeclaration(project, entry, `signatures.implementations[${index}]`);
    const unknown = (entry.methods ?? []).find((name) => canonical && !canonical.methods.has(name));
    if (unknown) throw configError(`signatures.implementations[${index}].methods: "${unknown}" is not a method of ${canonical!.name}`);
    return { symbol: declaration.symbol.compilerSymbol, methods: entry.methods };
  });
  const legacyModules = new Set<string>();
  for (const legacy of project.config.legacy) {
    // Phase 2 deletes legacy modules that were only facades: one that is gone has no class to check.
    try {
      const module = project.resolveConfigModule(legacy.module, `legacy`);
      if (module.isFile) legacyModules.add(module.key);
    } catch {
      continue;
    }
  }
  return { templates, canonical, interfaceTargets, arityTargets, implementations, legacyModules, untypedByName: section?.untypedReceivers === 'by-name' };
}

/** The canonical interface's name and method names, read from its module's syntax (no types yet). */
function canonicalTerms(project: ProjectServices): string[] {
  const ref = project.config.signatures?.interface;
  const moduleName = ref?.module ?? project.config.canonical?.module;
  if (!moduleName) return [];
  const module = project.resolveConfigModule(moduleName, `${ref ? 'signatures.interface' : 'canonical'}.module`);
  const tree = module.isFile ? project.parseFile(module.key) : undefined;
  if (!tree) return ref ? [ref.export] : [];
  const { j } = project;
  const terms: string[] = [];
  const memberName = (member: { key?: { type: string; name?: string } }): string | undefined => (member.key?.type === 'Identifier' ? member.key.name : undefined);
  tree.find(j.TSInterfaceDeclaration).forEach(({ node }) => {
    if (!ref || node.id.type !== 'Identifier' || node.id.name !== ref.export) return;
    terms.push(node.id.name);
    for (const member of node.body.body) if (member.type === 'TSMethodSignature') terms.push(memberName(member as never) ?? '');
  });
  tree.find(j.ClassDeclaration).forEach(({ node }) => {
    if (ref && node.id?.name !== ref.export) return;
    if (node.id?.name) terms.push(String(node.id.name));
    for (const member of node.body.body) {
      if (member.type === 'ClassMethod' && (member as { accessibility?: string }).accessibility !== 'private' && !member.static) terms.push(memberName(member as never) ?? '');
    }
  });
  return terms.filter(Boolean);
}

/** Without a configured interface: the canonical module's exported class with the most methods. */
function canonicalClassRef(project: ProjectServices): { module: string; export: string } | undefined {
  if (!project.config.canonical) return undefined;
  const module = project.resolveConfigModule(project.config.canonical.module, `canonical.module`);
  if (!module.isFile) return undefined;
  const [sourceFile] = project.types().load([module.key]);
  const classes = (sourceFile?.getClasses() ?? []).filter((cls) => cls.isExported() && cls.getName());
  classes.sort((a, b) => b.getMethods().length - a.getMethods().length);
  const chosen = classes[0];
  return chosen ? { module: module.key, export: chosen.isDefaultExport() ? 'default' : chosen.getName()! } : undefined;
}

/** The matcher shared by detect and apply. */
function planCalls(file: FileContext, state: SignaturesState, analysis: FileAnalysis): CallPlan[] {
  const plans: CallPlan[] = [];
  const visit = (found: ASTNode, parents: ASTNode[]): void => {
    const node = found as ASTNode & { callee: ASTNode; arguments: ASTNode[]; property?: ASTNode; loc?: { start: { line: number; column: number } } };
    const read = node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression';
    const nameNode = read ? (node.property as { loc?: { start: { line: number; column: number } } }) : calledName(node.callee);
    const start = nameNode?.loc?.start;
    if (!start) return;
    const site = analysis.sites.get(siteKey(start.line, start.column));
    if (!site) return;
    const plan: CallPlan = { node };
    for (const index of site.templates) {
      const template = state.config.templates[index]!;
      const bindings = bindCall(template, node, file.source, parents);
      if (!bindings) continue;
      plan.template = template;
      plan.bindings = bindings;
      plan.untyped = site.untyped;
      plan.blocked = bindings.conflict ?? template.imports.map((required) => importBlocked(file, state.project, required)).find(Boolean);
      break;
    }
    // A legacy call whose form no template can bind still counts, as a call for a person.
    const unbindable = read ? undefined : unbindableForm(node);
    if (!plan.template && unbindable && site.templates.length > 0) {
      plan.template = state.config.templates[site.templates[0]!]!;
      plan.blocked = unbindable;
    }
    if (!plan.template) {
      for (const index of site.ambiguous) {
        const template = state.config.templates[index]!;
        if (bindCall(template, node, file.source, parents)) {
          plan.ambiguous = { template, why: site.why ?? 'the type cannot be resolved' };
          break;
        }
      }
    }
    if (site.canonical && node.type !== 'NewExpression' && !read && !node.arguments.some((argument) => argument.type === 'SpreadElement')) {
      const given = node.arguments.length;
      if (!site.canonical.arities.some(({ min, max }) => given >= min && given <= max)) plan.arity = { display: site.canonical.display, given };
    }
    if (plan.template || plan.ambiguous || plan.arity) plans.push(plan);
  };
  const kinds = new Set(['CallExpression', 'OptionalCallExpression']);
  if (state.config.templates.some((template) => template.kind === 'new')) kinds.add('NewExpression');
  if (state.config.templates.some((template) => template.kind === 'member')) for (const kind of ['MemberExpression', 'OptionalMemberExpression']) kinds.add(kind);
  // Only the subtrees that hold a call site the analysis found: a site is where its name starts.
  const tree = file.root.paths()[0]?.node;
  forEachNodeHolding(
    tree ?? {},
    [...analysis.sites.values()].map((site) => site.offset).sort((a, b) => a - b),
    (node, ancestors) => {
      if (kinds.has(node.type)) visit(node, ancestors.slice(-3).reverse());
    },
  );
  return plans.sort((a, b) => (a.node as { start?: number }).start! - (b.node as { start?: number }).start! || (b.node as { end?: number }).end! - (a.node as { end?: number }).end!);
}

/** Why a call with a template's name and receiver cannot take its replacement as written, if its form says so. */
function unbindableForm(call: { type: string; optional?: unknown; arguments?: ASTNode[] }): string | undefined {
  if (call.optional === true) return 'an optional call (`?.()`) may not happen, which no replacement can say: rewrite it by hand';
  if (call.arguments?.some((argument) => argument.type === 'SpreadElement')) return 'a spread argument stands for any number of arguments: rewrite the call by hand';
  return undefined;
}

function findingsOf(file: FileContext, plan: CallPlan): Array<FindingReport<CallMessageId>> {
  const start = plan.node.loc!.start;
  const at = { phase: 'signatures' as const, file: file.file, line: start.line, column: start.column + 1 };
  const call = shortText(file.source, plan.node);
  if (plan.template) {
    const kind = plan.arity ? 'arity' : plan.untyped ? 'untyped-receiver' : 'legacy-signature';
    const match = { messageId: 'templateMatch' as const, data: { call, template: plan.template.label, match: plan.template.matchText, replace: plan.template.replaceText } };
    return [plan.blocked ? { ...at, kind, ...match, fixable: false, reason: plan.blocked } : { ...at, kind, ...match, fixable: true }];
  }
  const findings: Array<FindingReport<CallMessageId>> = [];
  if (plan.ambiguous) {
    findings.push({
      ...at,
      kind: 'ambiguous-receiver',
      messageId: 'ambiguousReceiver',
      data: { call, template: plan.ambiguous.template.label, match: plan.ambiguous.template.matchText, why: plan.ambiguous.why },
      fixable: false,
      reason: `${plan.ambiguous.why}: give it a type or rewrite it by hand`,
    });
  }
  if (plan.arity) {
    findings.push({
      ...at,
      kind: 'arity',
      messageId: plan.arity.given === 1 ? 'wrongAritySingular' : 'wrongArity',
      data: { call, given: plan.arity.given, signature: plan.arity.display },
      fixable: false,
      reason: 'no template covers this call shape: add one to signatures.templates or fix the call by hand',
    });
  }
  return findings;
}

/** The name a call calls: `fn` in `fn()`, `name` in `x.name()` / `x?.name()`. */
function calledName(callee: ASTNode): { loc?: { start: { line: number; column: number } } | null } | undefined {
  const node = callee as { type: string; computed?: boolean; property?: ASTNode; expression?: ASTNode; loc?: { start: { line: number; column: number } } | null };
  if (node.type === 'Identifier') return node;
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property?.type === 'Identifier') return node.property;
  // `fn<T>()` and `(fn as X)()` keep their name underneath.
  if ((node.type === 'TSNonNullExpression' || node.type === 'TSInstantiationExpression') && node.expression) return calledName(node.expression);
  return undefined;
}

/** The name a callee starts from: `fn` of `fn`, `legacy` of `legacy.fn` or `legacy?.fn!`. */
function calleeRoot(callee: ASTNode): string | undefined {
  const node = callee as { type: string; name?: string; object?: ASTNode; expression?: ASTNode };
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') return calleeRoot(node.object!);
  if (node.type === 'TSNonNullExpression' || node.type === 'TSInstantiationExpression') return calleeRoot(node.expression!);
  return undefined;
}

function contains(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.start && b.end <= a.end;
}

function configError(message: string): SsotError {
  return new SsotError('CONFIG_INVALID', `${message}`);
}

// The type-aware half of phase 3, run once before any file is visited: which calls a template
// may rewrite (receiver or callee resolved by ts-morph), which are ambiguous, which canonical
// calls do not fit their signature, and which manager classes miss a canonical method.
import type { CallExpression, ClassDeclaration, NewExpression, Node, PropertyAccessExpression, SourceFile, Type, ts } from 'ts-morph';
import type { CallTemplate } from './call-templates.js';
import type { FindingReport, ProjectServices } from '../../src/phase-api/define-phase.js';
import { checkImplementation, type CanonicalInterface, type InterfaceMessageId } from './interface-completeness.js';
import { typeHolds } from './predicates.js';
import { calleeResolvesTo, isKind, isUnresolvable, typeQualifies, type ResolvedDeclaration } from './receiver-types.js';
import type { RequiredImport } from './required-imports.js';

export interface ConfiguredTemplate extends CallTemplate {
  /** Method templates: the symbols a receiver's type must be, extend or implement. */
  receivers: Set<ts.Symbol>;
  /** Free-function templates: the declaration the callee must resolve to; `new` templates: the class. */
  function?: ResolvedDeclaration;
  /** Names the replacement uses: their module and exported name. */
  imports: RequiredImport[];
}

export interface ImplementationCheck {
  symbol: ts.Symbol;
  methods: readonly string[] | undefined;
}

export interface SignatureConfig {
  templates: ConfiguredTemplate[];
  canonical: CanonicalInterface | undefined;
  /** The canonical interface itself: classes that implement it are checked. */
  interfaceTargets: Set<ts.Symbol>;
  /** Receivers whose calls of canonical methods are held to the canonical signature. */
  arityTargets: Set<ts.Symbol>;
  implementations: ImplementationCheck[];
  /** Legacy module keys: their exported manager-like classes are checked too. */
  legacyModules: Set<string>;
  /** Rewrite method templates whose receiver's type is unknown by the method name alone. */
  untypedByName: boolean;
}

/** What analysis found at one call site, keyed by the position of the called name. */
export interface CallSite {
  /** Where the site's name starts in the analysed text. */
  offset: number;
  /** Templates whose receiver or callee guard holds here. */
  templates: number[];
  /** Templates whose name matches but whose receiver could not be resolved, with why. */
  ambiguous: number[];
  why?: string;
  /** Its templates matched by name alone: the receiver's type is unknown (untypedReceivers "by-name"). */
  untyped?: boolean;
  /** Set when the receiver is a canonical manager and the method is canonical. */
  canonical?: { display: string; arities: Array<{ min: number; max: number }> };
}

/** The messages of call sites (signature-normalisation.ts reports them). */
export type CallMessageId = 'templateMatch' | 'ambiguousReceiver' | 'wrongArity' | 'wrongAritySingular';

export interface FileAnalysis {
  /** The text analysed, as the parser sees it (no BOM, no shebang line). */
  text: string;
  sites: Map<string, CallSite>;
  interfaceFindings: Array<FindingReport<InterfaceMessageId>>;
  /** Manual findings of the analysed text, still true after apply rewrote the fixable ones. */
  manual?: Array<FindingReport<CallMessageId>>;
}

export function siteKey(line: number, column: number): string {
  return `${line}:${column}`;
}

export function analyseFile(sourceFile: SourceFile, file: string, config: SignatureConfig, project: ProjectServices): FileAnalysis {
  const types = project.types();
  const checker = types.project.getTypeChecker();
  const full = sourceFile.getFullText().replace(/^\uFEFF/, '');
  const shebangLines = full.startsWith('#!') ? 1 : 0;
  const text = shebangLines ? full.slice(full.indexOf('\n') + 1) : full;
  // What the checker's text holds before the analysed one (a BOM, a shebang line).
  const skipped = sourceFile.getFullText().length - text.length;
  const positionOf = (node: Node): { line: number; column: number } => {
    const { line, column } = sourceFile.getLineAndColumnAtPos(node.getStart());
    return { line: line - shebangLines, column: column - 1 };
  };
  const sites = new Map<string, CallSite>();
  const methodTemplates = groupBy(
    config.templates.filter((template) => template.kind === 'method'),
    (template) => template.name,
  );
  const functionTemplates = config.templates.filter((template) => template.kind === 'function');
  const functionNames = localFunctionNames(full, functionTemplates);

  const newTemplates = config.templates.filter((template) => template.kind === 'new');
  const memberTemplates = groupBy(
    config.templates.filter((template) => template.kind === 'member'),
    (template) => template.name,
  );
  const calls: CallExpression[] = [];
  const constructions: NewExpression[] = [];
  const reads: PropertyAccessExpression[] = [];
  sourceFile.forEachDescendant((node) => {
    if (isKind<CallExpression>(node, 'CallExpression')) calls.push(node);
    else if (newTemplates.length > 0 && isKind<NewExpression>(node, 'NewExpression')) constructions.push(node);
    else if (isKind<PropertyAccessExpression>(node, 'PropertyAccessExpression') && memberTemplates.has(node.getName())) reads.push(node);
  });
  const siteAt = (nameNode: Node): CallSite => {
    const { line, column } = positionOf(nameNode);
    const key = siteKey(line, column);
    const existing = sites.get(key) ?? { offset: nameNode.getStart() - skipped, templates: [], ambiguous: [] };
    sites.set(key, existing);
    return existing;
  };
  const noTsconfig = 'the repo has no tsconfig, so types are guesses';

  for (const construction of constructions) {
    const callee = construction.getExpression();
    const nameNode = isKind<PropertyAccessExpression>(callee, 'PropertyAccessExpression') ? callee.getNameNode() : isKind<Node>(callee, 'Identifier') ? callee : undefined;
    if (!nameNode) continue;
    const calleeType = callee.getType();
    for (const template of newTemplates) {
      if (!types.hasTsconfig || isUnresolvable(calleeType)) {
        // Unresolved: only a class written with the configured name is worth a word.
        if (nameNode.getText() !== (template.name || template.function!.ref.export)) continue;
        const site = siteAt(nameNode);
        site.ambiguous.push(template.index);
        site.why = !types.hasTsconfig ? noTsconfig : `the class's type is ${describeLoose(calleeType)}`;
      } else if (calleeResolvesTo(callee, template.function!) && typesHold(template, construction.getArguments(), undefined, callee)) {
        siteAt(nameNode).templates.push(template.index);
      }
    }
  }

  for (const read of reads) {
    for (const template of memberTemplates.get(read.getName()) ?? []) {
      const receiver = receiverOf(read, template.path!);
      if (!receiver) continue;
      const receiverType = receiver.getType();
      const unknown = !types.hasTsconfig ? noTsconfig : isUnresolvable(receiverType) ? `the receiver's type is ${describeLoose(receiverType)}` : undefined;
      if (unknown && config.untypedByName && typesHold(template, [], receiver)) {
        const site = siteAt(read.getNameNode());
        site.templates.push(template.index);
        site.untyped = true;
      } else if (unknown) {
        const site = siteAt(read.getNameNode());
        site.ambiguous.push(template.index);
        site.why = unknown;
      } else if (typeQualifies(receiverType, template.receivers) && typesHold(template, [], receiver)) {
        siteAt(read.getNameNode()).templates.push(template.index);
      }
    }
  }
  for (const call of calls) {
    const callee = call.getExpression();
    const member = isKind<PropertyAccessExpression>(callee, 'PropertyAccessExpression') ? callee : undefined;
    const nameNode = member ? member.getNameNode() : isKind<Node>(callee, 'Identifier') ? callee : undefined;
    if (!nameNode) continue;
    const name = nameNode.getText();
    const site: CallSite = { offset: nameNode.getStart() - skipped, templates: [], ambiguous: [] };

    if (member && (methodTemplates.has(name) || config.canonical?.methods.has(name))) {
      const receiverType = member.getExpression().getType();
      const unknown = !types.hasTsconfig ? 'the repo has no tsconfig, so types are guesses' : isUnresolvable(receiverType) ? `the receiver's type is ${describeLoose(receiverType)}` : undefined;
      for (const template of methodTemplates.get(name) ?? []) {
        if (unknown && config.untypedByName && typesHold(template, call.getArguments(), member.getExpression())) {
          site.templates.push(template.index);
          site.untyped = true;
        } else if (unknown) site.ambiguous.push(template.index);
        else if (typeQualifies(receiverType, template.receivers) && typesHold(template, call.getArguments(), member.getExpression())) site.templates.push(template.index);
      }
      if (unknown) site.why = unknown;
      const method = config.canonical?.methods.get(name);
      if (method && !unknown && typeQualifies(receiverType, config.arityTargets)) site.canonical = { display: method.display, arities: method.arities };
    }

    if (functionNames.has(name)) {
      const calleeType = callee.getType();
      for (const template of functionTemplates) {
        if (!types.hasTsconfig || isUnresolvable(calleeType)) {
          if (name === template.name || functionNames.get(name) === template.name) {
            site.ambiguous.push(template.index);
            site.why = !types.hasTsconfig ? 'the repo has no tsconfig, so types are guesses' : `the callee's type is ${describeLoose(calleeType)}`;
          }
        } else if (calleeResolvesTo(callee, template.function!) && typesHold(template, call.getArguments())) {
          site.templates.push(template.index);
        }
      }
    }

    if (site.templates.length > 0 || site.ambiguous.length > 0 || site.canonical) {
      const merged = siteAt(nameNode);
      merged.templates.push(...site.templates);
      merged.ambiguous.push(...site.ambiguous);
      if (site.why) merged.why = site.why;
      if (site.untyped) merged.untyped = true;
      if (site.canonical) merged.canonical = site.canonical;
    }
  }

  const interfaceFindings: FileAnalysis['interfaceFindings'] = [];
  if (config.canonical) {
    const at = (node: Node): Pick<FindingReport, 'file' | 'line' | 'column'> => {
      const { line, column } = positionOf(node);
      return { file, line, column: column + 1 };
    };
    for (const cls of sourceFile.getClasses()) {
      const check = implementationCheck(cls, file, config);
      if (check) interfaceFindings.push(...checkImplementation(cls, config.canonical, check.methods, checker, at));
    }
  }
  return { text, sites, interfaceFindings };
}

/** Whether the site's bound nodes satisfy the template's type predicates (kinds are checked on the syntax). */
function typesHold(template: ConfiguredTemplate, args: Node[], receiver?: Node, callee?: Node): boolean {
  return template.predicates.every((predicate) => {
    if (!('types' in predicate)) return true;
    if (predicate.name === template.receiver) return receiver !== undefined && typeHolds(predicate, receiver);
    if (predicate.name === template.calleeVar) return callee !== undefined && typeHolds(predicate, callee);
    const argument = args[template.args.findIndex((pattern) => pattern.kind === 'bind' && pattern.name === predicate.name)];
    return argument !== undefined && typeHolds(predicate, argument);
  });
}

/** The receiver of a member read `o.a.b` for the path ['a', 'b'], or undefined when the names differ. */
function receiverOf(read: PropertyAccessExpression, path: string[]): Node | undefined {
  let node: Node = read;
  for (let position = path.length - 1; position >= 0; position--) {
    if (!isKind<PropertyAccessExpression>(node, 'PropertyAccessExpression') || node.getName() !== path[position]) return undefined;
    node = node.getExpression();
  }
  return node;
}

/** Whether a class is held to the canonical interface, and to which methods. */
function implementationCheck(cls: ClassDeclaration, file: string, config: SignatureConfig): { methods: readonly string[] | undefined } | undefined {
  const symbol = cls.getSymbol()?.compilerSymbol;
  const configured = config.implementations.find((entry) => entry.symbol === symbol);
  if (configured) return { methods: configured.methods };
  if (cls.getImplements().some((clause) => typeQualifies(clause.getType(), config.interfaceTargets))) return { methods: undefined };
  // A manager-like class exported from a legacy module: it offers at least one canonical method.
  const canonicalNames = config.canonical?.methods;
  if (config.legacyModules.has(file) && cls.isExported() && canonicalNames && cls.getMethods().some((method) => canonicalNames.has(method.getName()))) return { methods: undefined };
  return undefined;
}

/**
 * Local names that may call a free-function template: its own name, and the aliases a file
 * gives it (`import { fn as alias }`, `const { fn: alias } = …`). Maps each to the template name.
 */
function localFunctionNames(text: string, templates: ConfiguredTemplate[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const template of templates) {
    names.set(template.name, template.name);
    const escaped = template.name.replace(/\$/g, '\\$');
    for (const match of text.matchAll(new RegExp(`\\b${escaped}\\s+as\\s+([A-Za-z_$][\\w$]*)`, 'g'))) names.set(match[1]!, template.name);
    for (const match of text.matchAll(new RegExp(`\\b${escaped}\\s*:\\s*([A-Za-z_$][\\w$]*)\\s*[,}]`, 'g'))) names.set(match[1]!, template.name);
  }
  return names;
}

function describeLoose(type: Type): string {
  if (type.isUnknown()) return 'unknown';
  return (type.compilerType as { intrinsicName?: string }).intrinsicName === 'error' ? 'unresolved (a type error)' : 'any';
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

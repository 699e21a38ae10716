// The legacy ways of getting a manager (phase 4), matched by what the checker says a name is,
// not by how it is spelled: an alias (`const WebSocketManager = UnifiedWebSocketManager`), a
// renamed import, a re-export or a destructured dynamic import all lead to the same
// declaration, and an unrelated function that happens to share the name does not.
import type { CallExpression, NewExpression, Node, SourceFile, Type } from 'ts-morph';
import { SsotError } from '../../src/errors.js';
import type { SsotConfig } from '../../src/config/schema.js';
import type { ProjectServices, TypeServices } from '../../src/phase-api/define-phase.js';

export type FactoriesConfig = NonNullable<SsotConfig['factories']>;
export type AccessKind = 'construct' | 'singleton' | 'accessor';

/** A configured declaration, identified by file and position so a reloaded file still matches. */
export type DeclarationKey = string;

export interface FactoryTargets {
  factory: { keys: Set<DeclarationKey>; name: string; module: string };
  /** The context type; without one, the factory takes the constructor's arguments as written. */
  context?: { keys: Set<DeclarationKey>; name: string };
  /** Classes whose construction is a violation: the factory's class and configured ones. */
  classes: Map<DeclarationKey, string>;
  /** Static accessor method names by class key. */
  singletons: Map<DeclarationKey, { className: string; method: string }>;
  accessors: Map<DeclarationKey, string>;
  /** Declarations inside which access is the implementation itself, never a violation. */
  implementations: Set<DeclarationKey>;
}

export interface AccessSite {
  kind: AccessKind;
  node: CallExpression | NewExpression;
  /** The configured name the site resolves to, for messages. */
  target: string;
  /** Set when the class constructed is a subclass of a target (named here), not the target. */
  subclass?: string;
}

/** The fields that must key a registry of instances: configured, else userId for a context, else none. */
export function isolationKeyOf(config: FactoriesConfig): readonly string[] {
  return config.isolationKey ?? (config.contextType ? ['userId'] : []);
}

export function declarationKey(node: Node): DeclarationKey {
  return `${node.getSourceFile().getFilePath()}:${node.getStart()}:${node.getKindName()}`;
}

function nameOf(node: Node): string | undefined {
  return (node as unknown as { getName?(): string | undefined }).getName?.();
}

/** The names a file must mention to matter: configured exports and singleton method names. */
export function configuredNames(config: FactoriesConfig): string[] {
  const names = new Set<string>();
  for (const pattern of config.patterns) {
    if (pattern.kind === 'accessor') names.add(pattern.function.export);
    else names.add(pattern.class.export);
    if (pattern.kind === 'singleton') names.add(`.${pattern.method}(`);
  }
  return [...names];
}

/**
 * Resolves the config's symbols in the type project. The factory and the context type must
 * exist; a pattern whose module is gone (a facade phase 2 deleted) has nothing left to match.
 */
export function resolveTargets(project: ProjectServices, types: TypeServices, config: FactoriesConfig): FactoryTargets {
  const factoryDeclarations = exportedDeclarations(project, types, config.factory, 'factories.factory', true)!;
  const contextDeclarations = config.contextType ? exportedDeclarations(project, types, config.contextType, 'factories.contextType', true)! : undefined;
  const targets: FactoryTargets = {
    factory: { keys: new Set(factoryDeclarations.map(declarationKey)), name: config.factory.export, module: project.resolveConfigModule(config.factory.module, 'factories.factory.module').key },
    ...(contextDeclarations ? { context: { keys: new Set(contextDeclarations.map(declarationKey)), name: config.contextType!.export } } : {}),
    classes: new Map(),
    singletons: new Map(),
    accessors: new Map(),
    implementations: new Set(factoryDeclarations.map(declarationKey)),
  };
  // The class the factory returns is the canonical one: constructing it anywhere else is a violation.
  for (const declaration of factoryDeclarations) {
    const returned = functionLike(declaration)?.getReturnType();
    for (const classDeclaration of returned?.getSymbol()?.getDeclarations() ?? []) {
      if (classDeclaration.getKindName() === 'ClassDeclaration') targets.classes.set(declarationKey(classDeclaration), nameOf(classDeclaration) ?? 'the canonical class');
    }
  }
  config.patterns.forEach((pattern, index) => {
    const field = `factories.patterns[${index}]`;
    if (pattern.kind === 'accessor') {
      for (const declaration of exportedDeclarations(project, types, pattern.function, `${field}.function`, false) ?? []) {
        const implementation = functionLike(declaration);
        if (!implementation) throw new SsotError('CONFIG_INVALID', `${field}.function: "${pattern.function.export}" of ${pattern.function.module} is not a function`);
        targets.accessors.set(declarationKey(implementation), pattern.function.export);
        targets.implementations.add(declarationKey(implementation));
      }
      return;
    }
    for (const declaration of exportedDeclarations(project, types, pattern.class, `${field}.class`, false) ?? []) {
      const classDeclaration = classOf(declaration);
      if (!classDeclaration) throw new SsotError('CONFIG_INVALID', `${field}.class: "${pattern.class.export}" of ${pattern.class.module} is not a class`);
      const key = declarationKey(classDeclaration);
      if (pattern.kind === 'construct') {
        targets.classes.set(key, pattern.class.export);
        continue;
      }
      targets.singletons.set(key, { className: pattern.class.export, method: pattern.method });
      classDeclaration.forEachChild((member) => {
        if (member.getKindName() === 'MethodDeclaration' && nameOf(member) === pattern.method) targets.implementations.add(declarationKey(member));
      });
    }
  });
  return targets;
}

function exportedDeclarations(project: ProjectServices, types: TypeServices, ref: { module: string; export: string }, field: string, required: boolean): Node[] | undefined {
  let module;
  try {
    module = project.resolveConfigModule(ref.module, `${field}.module`);
  } catch (error) {
    if (!required && error instanceof SsotError && error.code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  const sourceFile = types.loadModule(module);
  const declarations = sourceFile?.getExportedDeclarations().get(ref.export);
  if (!declarations || declarations.length === 0) {
    if (!required) return undefined;
    throw new SsotError('CONFIG_INVALID', `${field}.export: ${module.key} has no export "${ref.export}"`);
  }
  return declarations;
}

/** A function declaration, or the function a variable is initialised with. */
function functionLike(node: Node): (Node & { getReturnType(): Type }) | undefined {
  const kind = node.getKindName();
  if (kind === 'FunctionDeclaration' || kind === 'FunctionExpression' || kind === 'ArrowFunction') return node as Node & { getReturnType(): Type };
  if (kind === 'VariableDeclaration') {
    const initializer = (node as unknown as { getInitializer(): Node | undefined }).getInitializer();
    return initializer ? functionLike(initializer) : undefined;
  }
  return undefined;
}

function classOf(node: Node): Node | undefined {
  const kind = node.getKindName();
  if (kind === 'ClassDeclaration') return node;
  // `export const X = SomeClass`: the class it names.
  if (kind === 'VariableDeclaration')
    return node
      .getType()
      .getSymbol()
      ?.getDeclarations()
      .find((declaration) => declaration.getKindName() === 'ClassDeclaration');
  return undefined;
}

/** Every access site in a file, in source order; the implementations themselves are left out. */
export function findAccessSites(sourceFile: SourceFile, targets: FactoryTargets): AccessSite[] {
  const sites: AccessSite[] = [];
  const visit = (node: Node): void => {
    const kind = node.getKindName();
    if (targets.implementations.has(declarationKey(node))) return;
    if (kind === 'NewExpression') {
      const constructed = constructedClass(node as NewExpression, targets);
      if (constructed) sites.push({ kind: 'construct', node: node as NewExpression, ...constructed });
    } else if (kind === 'CallExpression') {
      const site = calledAccess(node as CallExpression, targets);
      if (site) sites.push(site);
    }
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return sites;
}

/**
 * The target class a `new` builds: the class itself, or one it extends. A subclass is a manager
 * too (an empty one is a facade, phase 2's), so constructing it counts, whatever phase 1 made of
 * its import.
 */
function constructedClass(node: NewExpression, targets: FactoryTargets): { target: string; subclass?: string } | undefined {
  const direct = targetClassOf(node.getType(), targets);
  if (direct) return { target: direct };
  const seen = new Set<Type>();
  const visit = (type: Type): string | undefined => {
    if (seen.has(type)) return undefined;
    seen.add(type);
    for (const base of type.getBaseTypes()) {
      const found = targetClassOf(base, targets) ?? visit(base);
      if (found) return found;
    }
    return undefined;
  };
  const inherited = visit(node.getType());
  return inherited ? { target: inherited, subclass: node.getType().getSymbol()?.getName() ?? node.getExpression().getText() } : undefined;
}

function targetClassOf(type: Type, targets: FactoryTargets): string | undefined {
  for (const declaration of type.getSymbol()?.getDeclarations() ?? []) {
    const name = targets.classes.get(declarationKey(declaration));
    if (name) return name;
  }
  return undefined;
}

function calledAccess(node: CallExpression, targets: FactoryTargets): AccessSite | undefined {
  const callee = node.getExpression();
  const calleeKind = callee.getKindName();
  if (calleeKind === 'PropertyAccessExpression' && targets.singletons.size > 0) {
    const access = callee as unknown as { getName(): string; getExpression(): Node };
    const owner = access.getExpression().getType().getSymbol();
    for (const declaration of owner?.getDeclarations() ?? []) {
      const singleton = targets.singletons.get(declarationKey(declaration));
      if (singleton && singleton.method === access.getName()) return { kind: 'singleton', node, target: `${singleton.className}.${singleton.method}` };
    }
  }
  if (targets.accessors.size === 0) return undefined;
  // The callee's type leads to the function whatever the callee is called here.
  for (const declaration of callee.getType().getSymbol()?.getDeclarations() ?? []) {
    const name = targets.accessors.get(declarationKey(declaration));
    if (name) return { kind: 'accessor', node, target: name };
  }
  return undefined;
}

/** Whether a type is the configured context type or extends it (and is never null or undefined). */
export function isContextType(type: Type, targets: FactoryTargets, seen = new Set<Type>()): boolean {
  if (!targets.context || seen.has(type) || type.isAny() || type.isUnknown() || type.isNullable()) return false;
  seen.add(type);
  if (type.isIntersection()) return type.getIntersectionTypes().some((part) => isContextType(part, targets, seen));
  if (type.isUnion()) return false;
  const symbols = [type.getAliasSymbol(), type.getSymbol()];
  if (symbols.some((symbol) => symbol?.getDeclarations().some((declaration) => targets.context!.keys.has(declarationKey(declaration))))) return true;
  return type.getBaseTypes().some((base) => isContextType(base, targets, seen));
}

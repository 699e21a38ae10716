// Which user a manager is for: the context expressions visible at a site, nearest scope first.
// A parameter or local of the context type, a `this.` member of that type, or a configured
// expression (`req.userContext`) whose root is in scope. Nothing is guessed: the caller gets
// every candidate of the nearest scope and decides. A candidate that cannot be written at the
// site (an inner binding took its name; `this` is not a built instance yet, in a field
// initialiser, or at all, in a decorator) stays in its scope, marked unusable: the site is left
// for a human, and a farther context is not guessed in its place.
import type { Node } from 'ts-morph';
import { isContextType, type FactoryTargets } from './access-patterns.js';
import { declarationsAt, describeDeclaration } from './name-at-site.js';

export interface ContextCandidate {
  /** The expression as it will be written: `ctx`, `this.userContext`, `req.userContext`. */
  text: string;
  /** 0 is the nearest scope. */
  depth: number;
  /** Why the expression cannot be written at the site, when it cannot: a reason for a human. */
  unusable?: string;
}

/** A context expression found in a scope, with the declaration its first name comes from (none for `this.`). */
interface Found {
  text: string;
  binding?: Node;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunction', 'MethodDeclaration', 'Constructor', 'GetAccessor', 'SetAccessor']);
const BLOCKS = new Set(['Block', 'SourceFile', 'ModuleBlock', 'CaseClause', 'DefaultClause']);
const LOOPS = new Set(['ForStatement', 'ForOfStatement', 'ForInStatement']);

/** Context candidates visible at `site`, nearest scope first; scopes without one are skipped. */
export function contextsInScope(site: Node, targets: FactoryTargets, expressions: readonly string[]): ContextCandidate[] {
  const found: Array<ContextCandidate & Found> = [];
  let depth = 0;
  // `this` is the class's only while no plain function (nor object literal method) lies between the site and the class.
  let thisIsClass = true;
  // A function between the site and its class runs later, on an instance the constructor built.
  let deferred = false;
  // What a decorator holding the site decorates: the decorator runs outside it.
  let decorated: Node | undefined;
  let child: Node = site;
  const add = (scope: Found[]): void => {
    const fresh = scope.filter((candidate, index) => !found.some((other) => other.text === candidate.text) && scope.findIndex((other) => other.text === candidate.text) === index);
    if (fresh.length === 0) return;
    found.push(...fresh.map((candidate) => ({ ...candidate, depth })));
    depth += 1;
  };
  for (let node = site.getParent(); node; child = node, node = node.getParent()) {
    const kind = node.getKindName();
    if (kind === 'Decorator') {
      const target = node.getParentOrThrow();
      // A parameter's decorator stands outside the parameter's function too.
      decorated = target.getKindName() === 'Parameter' ? target.getParentOrThrow() : target;
    } else if (BLOCKS.has(kind)) {
      add(bindingsOf(statementsBefore(node, child), targets, expressions));
    } else if (LOOPS.has(kind)) {
      const initializer = (node as unknown as { getInitializer?(): Node | undefined }).getInitializer?.();
      if (initializer && initializer !== child) add(bindingsOf([initializer], targets, expressions));
    } else if (FUNCTIONS.has(kind)) {
      // A decorator of the function runs outside it: its parameters are not in scope there.
      if (node === decorated) continue;
      const parameters = (node as unknown as { getParameters(): Node[] }).getParameters().filter((parameter) => parameter !== child);
      add(bindingsOf(parameters, targets, expressions));
      deferred = true;
      // An object literal's method has the object as its `this`.
      if (kind === 'FunctionDeclaration' || kind === 'FunctionExpression' || node.getParent()?.getKindName() === 'ObjectLiteralExpression') thisIsClass = false;
    } else if ((kind === 'ClassDeclaration' || kind === 'ClassExpression') && thisIsClass) {
      // A class's own decorator runs where the class is defined: `this` there is the code's around it.
      if (node === decorated) {
        decorated = undefined;
        continue;
      }
      const members = thisMembers(node, targets, expressions).map((member) => {
        const unusable = thisNotInstance(child, decorated !== undefined, deferred, member.text, targets.factory.name);
        return unusable ? { ...member, unusable } : member;
      });
      if (!isStatic(child)) add(members);
      thisIsClass = false;
    }
  }
  markShadowed(site, found, targets);
  return found;
}

/**
 * Why `this.` members cannot supply the context where the site runs in `member`, if they cannot:
 * a decorator runs when the class is defined, and a field initialiser before the constructor
 * has assigned the members (parameter properties included, with define semantics for fields).
 */
function thisNotInstance(member: Node, inDecorator: boolean, deferred: boolean, text: string, factory: string): string | undefined {
  if (inDecorator) {
    return `a decorator's arguments are evaluated once, when the class is defined, where \`this\` is not an instance and \`${text}\` does not exist: create the manager in a method or the constructor with ${factory}(${text})`;
  }
  if (member.getKindName() === 'PropertyDeclaration' && !deferred) {
    return `a field initialiser runs before the constructor has assigned \`${text}\`: create the manager in the constructor with ${factory}(${text}), or make the field a getter`;
  }
  return undefined;
}

/** Marks the candidates whose first name resolves at `site` to another binding than theirs. */
function markShadowed(site: Node, found: Array<ContextCandidate & Found>, targets: FactoryTargets): void {
  const bound = found.filter((candidate) => candidate.binding);
  const visible = declarationsAt(site, new Set(bound.map((candidate) => rootOf(candidate.text))));
  for (const candidate of bound) {
    const root = rootOf(candidate.text);
    const declarations = visible.get(root) ?? [];
    if (declarations.some((declaration) => declaration.compilerNode === candidate.binding!.compilerNode)) continue;
    const meant = candidate.text === root ? `the ${targets.context?.name ?? 'context'}` : `the \`${root}\` of \`${candidate.text}\``;
    const actual = declarations[0] ? describeDeclaration(declarations[0]) : 'not bound';
    candidate.unusable = `\`${root}\` at this call is ${actual}, not ${meant} declared at line ${candidate.binding!.getStartLineNumber()}: rename one of them, or call ${targets.factory.name}(<the context>) by hand`;
  }
}

/** The name an expression starts from: `req` of `req.userContext`. */
function rootOf(text: string): string {
  return /^[A-Za-z_$][\w$]*/.exec(text)?.[0] ?? text;
}

/** The statements of a block that run before the one holding the site. */
function statementsBefore(block: Node, holder: Node): Node[] {
  const statements = (block as unknown as { getStatements?(): Node[] }).getStatements?.() ?? [];
  const index = statements.indexOf(holder);
  return index === -1 ? [] : statements.slice(0, index);
}

/** Names bound by variable statements or parameters (destructured ones too) of the context type. */
function bindingsOf(nodes: Node[], targets: FactoryTargets, expressions: readonly string[]): Found[] {
  const texts: Found[] = [];
  const visitName = (name: Node): void => {
    const kind = name.getKindName();
    if (kind === 'Identifier') {
      const text = name.getText();
      const binding = name.getParentOrThrow();
      if (isContextType(name.getType(), targets)) texts.push({ text, binding });
      texts.push(...expressionsRootedAt(text, expressions).map((expression) => ({ text: expression, binding })));
    } else if (kind === 'ObjectBindingPattern' || kind === 'ArrayBindingPattern') {
      name.forEachDescendant((descendant, traversal) => {
        if (descendant.getKindName() === 'BindingElement') {
          visitName((descendant as unknown as { getNameNode(): Node }).getNameNode());
          traversal.skip();
        }
      });
    }
  };
  for (const node of nodes) {
    const kind = node.getKindName();
    if (kind === 'Parameter') visitName((node as unknown as { getNameNode(): Node }).getNameNode());
    else if (kind === 'VariableStatement' || kind === 'VariableDeclarationList') {
      node.forEachDescendant((descendant, traversal) => {
        const descendantKind = descendant.getKindName();
        if (descendantKind === 'VariableDeclaration') {
          visitName((descendant as unknown as { getNameNode(): Node }).getNameNode());
          traversal.skip();
        } else if (FUNCTIONS.has(descendantKind) || descendantKind.startsWith('Class')) traversal.skip();
      });
    }
  }
  return texts;
}

/** `this.x` for properties and parameter properties of the context type. */
function thisMembers(classNode: Node, targets: FactoryTargets, expressions: readonly string[]): Found[] {
  const texts: Found[] = [];
  const consider = (member: Node): void => {
    if (isStatic(member)) return;
    const name = (member as unknown as { getName?(): string | undefined }).getName?.();
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) return;
    if (isContextType(member.getType(), targets)) texts.push({ text: `this.${name}` });
  };
  classNode.forEachChild((member) => {
    const kind = member.getKindName();
    if (kind === 'PropertyDeclaration' || kind === 'GetAccessor') consider(member);
    if (kind === 'Constructor') {
      for (const parameter of (member as unknown as { getParameters(): Node[] }).getParameters()) {
        if ((parameter as unknown as { isParameterProperty(): boolean }).isParameterProperty()) consider(parameter);
      }
    }
  });
  texts.push(...expressionsRootedAt('this', expressions).map((text) => ({ text })));
  return texts;
}

function isStatic(member: Node): boolean {
  return Boolean((member as unknown as { isStatic?(): boolean }).isStatic?.());
}

/** Configured expressions whose first name is `root` (`req.userContext` for `req`). */
function expressionsRootedAt(root: string, expressions: readonly string[]): string[] {
  return expressions.filter((expression) => expression === root || expression.startsWith(`${root}.`) || expression.startsWith(`${root}?.`));
}

export type ContextChoice = { context: string; argument?: number } | { reason: string };

/**
 * The context a site serves. The site's own arguments say it when they can (`new M(ctx)`,
 * `getManager(ctxA.userId, ctxA.threadId)`); otherwise the nearest scope must hold exactly one.
 * A chosen candidate that cannot be written at the site is reported with its reason.
 */
export function chooseContext(site: { kind: string; node: Node }, candidates: ContextCandidate[], targets: FactoryTargets): ContextChoice {
  const typeName = targets.context?.name ?? 'context';
  const factory = targets.factory.name;
  const args = (site.node as unknown as { getArguments(): Node[] }).getArguments();
  const sources = new Set<string>();
  const unusable = new Map(candidates.filter((candidate) => candidate.unusable).map((candidate) => [candidate.text, candidate.unusable!]));
  const foreign: string[] = [];
  let ownArgument: number | undefined;
  args.forEach((argument, index) => {
    const text = argument.getText();
    const rooted = candidates.filter((candidate) => text === candidate.text || text.startsWith(`${candidate.text}.`) || text.startsWith(`${candidate.text}?.`));
    // The longest candidate wins: `this.ctx.userId` comes from `this.ctx`, not from `this`.
    const source = rooted.sort((a, b) => b.text.length - a.text.length)[0];
    if (source) sources.add(source.text);
    else if (isContextType(argument.getType(), targets)) {
      sources.add(text);
      ownArgument = index;
    } else foreign.push(text);
  });
  const listed = (texts: Iterable<string>): string => [...texts].map((text) => `\`${text}\``).join(', ');
  if (sources.size > 1) {
    return { reason: `its arguments come from different contexts (${listed(sources)}): decide which user this manager serves and call ${factory}(<that context>) by hand` };
  }
  const nullable = foreign.filter((text) =>
    isContextType(
      args
        .find((argument) => argument.getText() === text)!
        .getType()
        .getNonNullableType(),
      targets,
    ),
  );
  if (nullable.length > 0) {
    return { reason: `${listed(nullable)} may be null or undefined here: narrow it first (e.g. return early when it is missing), then call ${factory}(${nullable[0]})` };
  }
  if (foreign.length > 0) {
    const usable = candidates.filter((candidate) => !candidate.unusable);
    const inScope = usable.length > 0 ? ` (in scope: ${listed(usable.map((candidate) => candidate.text))})` : '';
    const what =
      site.kind === 'construct' ? `constructor argument ${listed(foreign)} is not typed as a ${typeName}` : `argument ${listed(foreign)} does not come from a ${typeName} in scope${inScope}`;
    return { reason: `${what}, so which user (and thread) it serves cannot be proven: get the ${typeName} of that user into scope and call ${factory}(context)` };
  }
  const [only] = sources;
  if (only !== undefined && unusable.has(only)) return { reason: unusable.get(only)! };
  if (only !== undefined) return ownArgument === undefined ? { context: only } : { context: only, argument: ownArgument };
  const nearest = candidates.filter((candidate) => candidate.depth === 0);
  if (nearest.length === 1) return nearest[0]!.unusable ? { reason: nearest[0]!.unusable } : { context: nearest[0]!.text };
  if (nearest.length > 1) {
    return {
      reason: `${nearest.length} ${typeName}s are in scope at the same level (${listed(nearest.map((candidate) => candidate.text))}) and nothing here says which user it serves: call ${factory}(<the right one>) by hand`,
    };
  }
  return { reason: `no ${typeName} in scope (parameter, local, \`this.\` member or configured expression): pass the context of the user this code serves down to here and call ${factory}(context)` };
}

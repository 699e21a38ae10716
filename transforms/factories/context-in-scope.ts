// Which user a manager is for: the context expressions visible at a site, nearest scope first.
// A parameter or local of the context type, a `this.` member of that type, or a configured
// expression (`req.userContext`) whose root is in scope. Nothing is guessed: the caller gets
// every candidate of the nearest scope and decides.
import type { Node } from 'ts-morph';
import { isContextType, type FactoryTargets } from './access-patterns.js';

export interface ContextCandidate {
  /** The expression as it will be written: `ctx`, `this.userContext`, `req.userContext`. */
  text: string;
  /** 0 is the nearest scope. */
  depth: number;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunction', 'MethodDeclaration', 'Constructor', 'GetAccessor', 'SetAccessor']);
const BLOCKS = new Set(['Block', 'SourceFile', 'ModuleBlock', 'CaseClause', 'DefaultClause']);
const LOOPS = new Set(['ForStatement', 'ForOfStatement', 'ForInStatement']);

/** Context candidates visible at `site`, nearest scope first; scopes without one are skipped. */
export function contextsInScope(site: Node, targets: FactoryTargets, expressions: readonly string[]): ContextCandidate[] {
  const found: ContextCandidate[] = [];
  let depth = 0;
  // `this` is the class's only while no plain function lies between the site and the class.
  let thisIsClass = true;
  let child: Node = site;
  const add = (texts: string[]): void => {
    const fresh = [...new Set(texts)].filter((text) => !found.some((candidate) => candidate.text === text));
    if (fresh.length === 0) return;
    found.push(...fresh.map((text) => ({ text, depth })));
    depth += 1;
  };
  for (let node = site.getParent(); node; child = node, node = node.getParent()) {
    const kind = node.getKindName();
    if (BLOCKS.has(kind)) {
      add(bindingsOf(statementsBefore(node, child), targets, expressions));
    } else if (LOOPS.has(kind)) {
      const initializer = (node as unknown as { getInitializer?(): Node | undefined }).getInitializer?.();
      if (initializer && initializer !== child) add(bindingsOf([initializer], targets, expressions));
    } else if (FUNCTIONS.has(kind)) {
      const parameters = (node as unknown as { getParameters(): Node[] }).getParameters().filter((parameter) => parameter !== child);
      add(bindingsOf(parameters, targets, expressions));
      if (kind === 'FunctionDeclaration' || kind === 'FunctionExpression') thisIsClass = false;
    } else if ((kind === 'ClassDeclaration' || kind === 'ClassExpression') && thisIsClass) {
      if (!isStatic(child)) add(thisMembers(node, targets, expressions));
      thisIsClass = false;
    }
  }
  return found;
}

/** The statements of a block that run before the one holding the site. */
function statementsBefore(block: Node, holder: Node): Node[] {
  const statements = (block as unknown as { getStatements?(): Node[] }).getStatements?.() ?? [];
  const index = statements.indexOf(holder);
  return index === -1 ? [] : statements.slice(0, index);
}

/** Names bound by variable statements or parameters (destructured ones too) of the context type. */
function bindingsOf(nodes: Node[], targets: FactoryTargets, expressions: readonly string[]): string[] {
  const texts: string[] = [];
  const visitName = (name: Node): void => {
    const kind = name.getKindName();
    if (kind === 'Identifier') {
      const text = name.getText();
      if (isContextType(name.getType(), targets)) texts.push(text);
      texts.push(...expressionsRootedAt(text, expressions));
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
function thisMembers(classNode: Node, targets: FactoryTargets, expressions: readonly string[]): string[] {
  const texts: string[] = [];
  const consider = (member: Node): void => {
    if (isStatic(member)) return;
    const name = (member as unknown as { getName?(): string | undefined }).getName?.();
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) return;
    if (isContextType(member.getType(), targets)) texts.push(`this.${name}`);
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
  texts.push(...expressionsRootedAt('this', expressions));
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
 */
export function chooseContext(site: { kind: string; node: Node }, candidates: ContextCandidate[], targets: FactoryTargets): ContextChoice {
  const typeName = targets.context?.name ?? 'context';
  const factory = targets.factory.name;
  const args = (site.node as unknown as { getArguments(): Node[] }).getArguments();
  const sources = new Set<string>();
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
    const inScope = candidates.length > 0 ? ` (in scope: ${listed(candidates.map((candidate) => candidate.text))})` : '';
    const what =
      site.kind === 'construct' ? `constructor argument ${listed(foreign)} is not typed as a ${typeName}` : `argument ${listed(foreign)} does not come from a ${typeName} in scope${inScope}`;
    return { reason: `${what}, so which user (and thread) it serves cannot be proven: get the ${typeName} of that user into scope and call ${factory}(context)` };
  }
  const [only] = sources;
  if (only !== undefined) return ownArgument === undefined ? { context: only } : { context: only, argument: ownArgument };
  const nearest = candidates.filter((candidate) => candidate.depth === 0);
  if (nearest.length === 1) return { context: nearest[0]!.text };
  if (nearest.length > 1) {
    return {
      reason: `${nearest.length} ${typeName}s are in scope at the same level (${listed(nearest.map((candidate) => candidate.text))}) and nothing here says which user it serves: call ${factory}(<the right one>) by hand`,
    };
  }
  return { reason: `no ${typeName} in scope (parameter, local, \`this.\` member or configured expression): pass the context of the user this code serves down to here and call ${factory}(context)` };
}

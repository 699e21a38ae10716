// Call-shape templates (`$m.add_connection($socket, $ctx)` → `$m.addConnection({ socket: $socket })`):
// parsed once from the config, matched against babel call nodes, and instantiated as text so
// every bound argument keeps its source (comments and formatting) verbatim.
import type { ASTNode, JSCodeshift } from 'jscodeshift';
import { SsotError } from '../../src/errors.js';
import { kindHolds, parsePredicates, type Predicate } from './predicates.js';
import { indentAt, reindent } from '../shared/ast-edits.js';
import { argumentRegions, type ArgumentRegion } from '../shared/argument-regions.js';
import { isInert } from '../shared/inert-expression.js';
import { isTightExpression } from '../shared/tight-expression.js';

export type ArgumentPattern =
  | { kind: 'bind'; name: string }
  | { kind: 'rest'; name: string }
  | { kind: 'literal'; text: string }
  /** `{ el: $el, ...$opts }`: an object literal with these keys; `rest` binds the other properties as an object. */
  | { kind: 'object'; keys: Array<{ key: string; name: string }>; rest?: string };

/** One place in the replacement text that is filled from the call site. */
interface Hole {
  start: number;
  end: number;
  /** A metavariable, or CALLEE for a free function's callee as the call site writes it. */
  name: string;
  /** `key: $value` written as `key` when the bound text is exactly the key. */
  shorthandKey?: string;
  /** Where `$m.` may become `$m?.` when the call site used optional chaining. */
  optionalDotAt?: number;
  /** `...$opts` in an object: a bound object literal is inlined, its properties merged. */
  spread?: boolean;
  /** `[$name]: …`: a bound string literal that is an identifier prints as a plain key. */
  computedKey?: boolean;
  /** The hole is a member's object, a callee or an operand: a bound `a ?? b` goes in parentheses. */
  tight?: boolean;
}

/** An object of the replacement that merges bound objects or bound keys: checked for key conflicts. */
interface Merge {
  keys: string[];
  spreads: string[];
  computed: string[];
}

const CALLEE = '\0callee';

export interface CallTemplate {
  index: number;
  /** `signatures.templates[1]`, for messages. */
  label: string;
  /** `$m.name()`, `name()`, `new C()` or a member read `$o.a.b` that is not called. */
  kind: 'method' | 'function' | 'new' | 'member';
  /** The method, function, class or last property name the legacy shape uses ('' for `new $C`). */
  name: string;
  /** The receiver metavariable of a method or member template. */
  receiver?: string;
  /** A member template's properties after the receiver: ['constants', 'Zero'] for `$o.constants.Zero`. */
  path?: string[];
  /** `new $C()`: the metavariable bound to the class as the site writes it. */
  calleeVar?: string;
  /** `new ns.Sub.C()`: the class as the site must write it (whitespace aside). */
  calleeText?: string;
  /** The match is `await …`: only awaited sites match, and the await is replaced with the call. */
  awaited: boolean;
  /** `where`: what bound metavariables must be. */
  predicates: Predicate[];
  /** The replacement's tree; offsets are one past the replacement text's (it was parsed in parentheses). */
  replaceTree: TemplateNode;
  args: ArgumentPattern[];
  matchText: string;
  replaceText: string;
  holes: Hole[];
  /** Object literals of the replacement with bound properties: laid out one per line at a call written so. */
  objects: Span[];
  merges: Merge[];
  /** A statement template: its statements' spans; it applies only to a call that is a whole statement. */
  statements?: Array<{ start: number; end: number }>;
  /** The names its statements declare (`screen`): each site gets a name nothing in the file uses. */
  locals?: string[];
  /** True when the replacement's outermost node needs parentheses to stand where a call stood. */
  needsParens: boolean;
  /** The replacement is an `await`: parenthesised only in a slot that needs it. */
  awaitsOutermost: boolean;
  /** The metavariables the replacement writes, in its order, once per use. */
  uses: string[];
}

/** A stretch of the replacement text; an object's `parts` are its properties. */
interface Span {
  start: number;
  end: number;
  parts: Array<{ start: number; end: number }>;
}

/** What a call site bound: metavariable → source text. */
export interface Bindings {
  texts: Map<string, string>;
  /** The call used `?.` right after the receiver. */
  optional: boolean;
  /** Set when the call writes its arguments on lines of their own: how it indents and closes them. */
  lines?: ArgumentLines;
  /** Bound object literals that can be inlined: their text inside the braces and their keys. */
  objects: Map<string, { inner: string; keys: string[] }>;
  /** Set when merging objects would set one key twice, or an argument with effects would be repeated, reordered or dropped: the site is left for a person. */
  conflict?: string;
  /** Metavariables bound to an expression that needs parentheses in a tight hole (`a ?? b`). */
  loose?: Set<string>;
  /** The indent of the line each bound argument starts on, and of the line the site starts on. */
  indents?: Map<string, string>;
  siteIndent?: string;
  /** The source the replacement takes the place of: the node, or its `await` when the template binds it. */
  range: { start: number; end: number };
  /** The replaced node stands where a unary-level expression needs parentheses (`(await x).y`). */
  tight: boolean;
  /** A statement template's site is the single statement of an `if` or a loop: its statements need a block. */
  block?: boolean;
}

/** The layout of a call written one argument per line: its indents and line terminator. */
interface ArgumentLines {
  indent: string;
  closingIndent: string;
  trailingComma: boolean;
  terminator: string;
}

export interface TemplateNode {
  type: string;
  start?: number | null;
  end?: number | null;
  [key: string]: unknown;
}

export function parseTemplate(j: JSCodeshift, index: number, match: string, replace: string, where?: Record<string, string>): CallTemplate {
  const label = `signatures.templates[${index}]`;
  const fail = (field: string, what: string): never => {
    throw new SsotError('CONFIG_INVALID', `${label}.${field}: ${what}`);
  };
  const matchNode = parseExpression(j, match) ?? fail('match', `"${match}" is not an expression`);
  // `await $p.m()` binds the await too: the whole `await` expression is what gets replaced.
  const awaited = matchNode.type === 'AwaitExpression';
  const unwrapped = awaited ? (matchNode.argument as TemplateNode) : matchNode;
  if (unwrapped.type === 'AwaitExpression') fail('match', `"${match}" awaits twice: write one await`);
  const shape = matchShape(unwrapped, match, fail);
  const { kind, name, receiver, path, calleeVar, calleeText } = shape;
  const args: ArgumentPattern[] = [];
  const bound = new Set<string>([receiver, calleeVar].filter((item) => item !== undefined));
  const argumentNodes = kind === 'member' ? [] : ((unwrapped.arguments ?? []) as TemplateNode[]);
  argumentNodes.forEach((argument, position) => {
    const text = match.slice(argument.start! - 1, argument.end! - 1);
    if (argument.type === 'Identifier' && isMetavariable(argument.name as string)) {
      const argName = argument.name as string;
      if (bound.has(argName)) fail('match', `${argName} is bound twice in "${match}"`);
      bound.add(argName);
      if (argName.startsWith('$$$')) {
        if (position !== argumentNodes.length - 1) fail('match', `${argName} must be the last argument of "${match}"`);
        args.push({ kind: 'rest', name: argName });
      } else {
        args.push({ kind: 'bind', name: argName });
      }
    } else if (argument.type === 'ObjectExpression' && containsMetavariable(argument)) {
      args.push(objectPattern(argument, text, bound, fail));
    } else {
      if (containsMetavariable(argument)) fail('match', `argument ${position + 1} of "${match}" mixes code and metavariables: bind the whole argument`);
      args.push({ kind: 'literal', text: normalise(text) });
    }
  });
  // The type checker sees arguments, not the keys of an object written in one.
  for (const pattern of args) {
    if (pattern.kind !== 'object') continue;
    const typed = Object.entries(where ?? {}).find(
      ([name, written]) => pattern.keys.some((key) => key.name === name) && !/^!?\s*(ObjectLiteral|ArrayLiteral|StringLiteral|Identifier|Function)\s*$/.test(written),
    );
    if (typed) fail(`where.${typed[0]}`, `${typed[0]} binds a key of an object: only a kind (ObjectLiteral, StringLiteral…) can be asked of it`);
  }

  const predicates = parsePredicates(where, bound, args.find((pattern) => pattern.kind === 'rest')?.name, label);
  const replaceNode = parseExpression(j, replace) ?? parseStatements(j, replace) ?? fail('replace', `"${replace}" is not an expression`);
  const statementNodes = replaceNode.type === 'BlockStatement' ? (replaceNode.body as TemplateNode[]) : undefined;
  // The names a statement template declares: fresh at each site.
  const locals = new Set(
    (statementNodes ?? [])
      .flatMap((statement) => (statement.type === 'VariableDeclaration' ? (statement.declarations as TemplateNode[]).map((declarator) => declarator.id as TemplateNode) : []))
      .filter((id) => id.type === 'Identifier')
      .map((id) => id.name as string),
  );
  for (const local of locals) if (isMetavariable(local)) fail('replace', `"${local}" is declared by the replacement: name the local plainly (screen), it is made fresh at each site`);
  const holes: Hole[] = [];
  const objects: Span[] = [];
  const merges: Merge[] = [];
  const taken = new Set<TemplateNode>();
  visit(
    replaceNode,
    (node, parent) => {
      if (taken.has(node)) return;
      if (node.type === 'ObjectExpression') {
        const properties = node.properties as TemplateNode[];
        const merge: Merge = { keys: [], spreads: [], computed: [] };
        for (const property of properties) {
          const key = property.key as TemplateNode | undefined;
          const argument = property.argument as TemplateNode | undefined;
          if (property.type === 'SpreadElement' && argument?.type === 'Identifier' && isMetavariable(argument.name as string) && bound.has(argument.name as string)) {
            holes.push({ start: property.start! - 1, end: property.end! - 1, name: argument.name as string, spread: true });
            merge.spreads.push(argument.name as string);
            taken.add(argument);
          } else if (property.type === 'ObjectProperty' && property.computed && key?.type === 'Identifier' && isMetavariable(key.name as string) && bound.has(key.name as string)) {
            holes.push({ start: replace.lastIndexOf('[', key.start! - 1), end: replace.indexOf(']', key.end! - 1) + 1, name: key.name as string, computedKey: true });
            merge.computed.push(key.name as string);
            taken.add(key);
          } else if (plainKey(property) !== undefined) {
            merge.keys.push(plainKey(property)!);
          }
        }
        if (merge.spreads.length > 0 || merge.computed.length > 0) merges.push(merge);
        if (properties.some((property) => property.type === 'ObjectProperty' && containsMetavariable(property))) {
          objects.push({ start: node.start! - 1, end: node.end! - 1, parts: properties.map((property) => ({ start: property.start! - 1, end: property.end! - 1 })) });
        }
      }
      if (node.type === 'Identifier' && isMetavariable(node.name as string)) {
        const holeName = node.name as string;
        if (!bound.has(holeName)) fail('replace', `${holeName} is not bound by match "${match}"`);
        const hole: Hole = { start: node.start! - 1, end: node.end! - 1, name: holeName };
        // Only the receiver's `?.` carries over: `$m?.send($ctx)` reads `$ctx.id` as the site read `ctx`.
        if (holeName === receiver && parent?.type === 'MemberExpression' && parent.object === node && !parent.computed) hole.optionalDotAt = node.end! - 1;
        if (!isFreeSlot(parent, node)) hole.tight = true;
        holes.push(hole);
        return;
      }
      if (node.type === 'Identifier' && locals.has(node.name as string) && !isPropertyName(node, parent)) {
        holes.push({ start: node.start! - 1, end: node.end! - 1, name: localHole(node.name as string) });
        return;
      }
      if (kind === 'function' && node.type === 'CallExpression' && (node.callee as TemplateNode).type === 'Identifier' && (node.callee as TemplateNode).name === name) {
        const calleeNode = node.callee as TemplateNode;
        holes.push({ start: calleeNode.start! - 1, end: calleeNode.end! - 1, name: CALLEE });
      }
    },
    (node) => {
      // `{ socket: $socket }` may print as `{ socket }` at a site that binds `socket`.
      if (node.type !== 'ObjectProperty' || node.computed || (node.key as TemplateNode).type !== 'Identifier') return undefined;
      const value = node.value as TemplateNode;
      if (value.type !== 'Identifier' || !isMetavariable(value.name as string) || node.shorthand) return undefined;
      if (!bound.has(value.name as string)) fail('replace', `${value.name as string} is not bound by match "${match}"`);
      return { start: node.start! - 1, end: node.end! - 1, name: value.name as string, shorthandKey: (node.key as TemplateNode).name as string };
    },
    holes,
  );
  holes.sort((a, b) => a.start - b.start);
  return {
    index,
    label,
    kind,
    name,
    ...(receiver ? { receiver } : {}),
    ...(path ? { path } : {}),
    ...(calleeVar ? { calleeVar } : {}),
    ...(calleeText ? { calleeText } : {}),
    awaited,
    predicates,
    replaceTree: replaceNode,
    args,
    matchText: match,
    replaceText: replace,
    holes,
    objects,
    merges,
    ...(statementNodes ? { statements: statementNodes.map((statement) => ({ start: statement.start! - 1, end: statement.end! - 1 })), locals: [...locals] } : {}),
    needsParens:
      !statementNodes && !['CallExpression', 'MemberExpression', 'Identifier', 'OptionalCallExpression', 'OptionalMemberExpression', 'NewExpression', 'AwaitExpression'].includes(replaceNode.type),
    awaitsOutermost: replaceNode.type === 'AwaitExpression',
    uses: holes.map((hole) => hole.name).filter(isMetavariable),
  };
}

/**
 * Nodes whose body is a list of statements: elsewhere (an `if`, a loop) one statement stands alone.
 * A `case` holds a list too, but a declaration there is scoped to the whole `switch`: it gets a block.
 */
const STATEMENT_LISTS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock']);

/**
 * Binds a babel node (a call, a `new`, a member read) to the template, or undefined when the
 * shape differs. `parents` are the node's ancestors, nearest first, as far as the parser gives them.
 */
export function bindCall(template: CallTemplate, site: ASTNode, source: string, parents: ASTNode[] = []): Bindings | undefined {
  const node = site as unknown as TemplateNode;
  const [parent, grandparent, greatGrandparent] = parents as unknown as Array<TemplateNode | undefined>;
  if (template.awaited && !(parent?.type === 'AwaitExpression' && parent.argument === node)) return undefined;
  // What the replacement stands in: the await too when the template binds it.
  const replaced = template.awaited ? parent! : node;
  const around = template.awaited ? grandparent : parent;
  let placement = { range: { start: replaced.start!, end: replaced.end! }, tight: around !== undefined && isTightSlot(around, replaced) };
  let block = false;
  if (template.statements) {
    // Several statements stand only where the call was a whole statement.
    if (around?.type !== 'ExpressionStatement') return undefined;
    placement = { range: { start: around.start!, end: around.end! }, tight: false };
    const container = template.awaited ? greatGrandparent : grandparent;
    block = container !== undefined && !STATEMENT_LISTS.has(container.type);
  }
  if (template.kind === 'member') {
    const bound = bindMemberRead(template, node, parent, source);
    return bound && { ...bound, ...placement, ...(block ? { block } : {}) };
  }
  const expected = template.kind === 'new' ? ['NewExpression'] : ['CallExpression', 'OptionalCallExpression'];
  if (!expected.includes(node.type)) return undefined;
  const args = node.arguments as TemplateNode[];
  const fixed = template.args.filter((pattern) => pattern.kind !== 'rest').length;
  const hasRest = template.args.some((pattern) => pattern.kind === 'rest');
  if (hasRest ? args.length < fixed : args.length !== fixed) return undefined;
  // A call `fn?.(…)` may not happen at all: its replacement cannot say so in one call.
  if (node.optional === true) return undefined;
  const callee = node.callee as TemplateNode;
  if (template.calleeText !== undefined && normalise(source.slice(callee.start!, callee.end!)) !== template.calleeText) return undefined;
  // `new C` without parentheses has no argument list.
  const regions = node.type === 'NewExpression' && args.length === 0 && !hasArgumentList(node, source) ? [] : argumentRegions(node, source);
  if (!regions) return undefined;
  const texts = new Map<string, string>();
  const objects = new Map<string, { inner: string; keys: string[] }>();
  const boundNodes: BoundNode[] = [];
  for (let position = 0; position < template.args.length; position++) {
    const pattern = template.args[position]!;
    if (pattern.kind === 'rest') {
      const rest = regions.slice(position);
      if (args.slice(position).some((argument) => argument.type === 'SpreadElement') && template.args.length > position + 1) return undefined;
      texts.set(pattern.name, rest.length === 0 ? '' : boundText(source, rest[0]!.start, rest[rest.length - 1]!.end, args[args.length - 1]!));
      for (const node of args.slice(position)) boundNodes.push({ name: pattern.name, node });
      break;
    }
    const argument = args[position]!;
    // A spread stands for any number of arguments: it cannot fill one place.
    if (argument.type === 'SpreadElement') return undefined;
    const region = regions[position]!;
    if (pattern.kind === 'object') {
      if (!bindObject(pattern, argument, source, texts, objects, template.predicates, boundNodes)) return undefined;
      continue;
    }
    if (pattern.kind === 'literal') {
      if (normalise(source.slice(argument.start!, argument.end!)) !== pattern.text) return undefined;
      continue;
    }
    if (!template.predicates.every((predicate) => predicate.name !== pattern.name || kindHolds(predicate, argument))) return undefined;
    const inlined = inlinableObject(argument, source);
    if (inlined) objects.set(pattern.name, inlined);
    const bound = boundText(source, region.start, region.end, argument);
    boundNodes.push({ name: pattern.name, node: argument });
    texts.set(pattern.name, region.note ? `${bound.trimEnd()} ${region.note}${region.note.startsWith('//') ? terminatorAt(source, region.end) : ''}` : bound);
  }
  const lines = argumentLines(node, source, regions);
  let optional = false;
  if (template.kind === 'method') {
    const object = callee.object as TemplateNode;
    if (!template.predicates.every((predicate) => predicate.name !== template.receiver || kindHolds(predicate, object))) return undefined;
    texts.set(template.receiver!, receiverText(object, source));
    boundNodes.push({ name: template.receiver!, node: object });
    optional = callee.optional === true;
  } else if (template.calleeVar) {
    if (!template.predicates.every((predicate) => predicate.name !== template.calleeVar || kindHolds(predicate, callee))) return undefined;
    texts.set(template.calleeVar, source.slice(callee.start!, callee.end!));
  } else {
    texts.set(CALLEE, source.slice(callee.start!, callee.end!));
  }
  const conflict = keyConflict(template, texts, objects) ?? effectsConflict(template, boundNodes, source);
  const loose = new Set(boundNodes.filter(({ node }) => !isTightExpression(node) && !(node.extra as { parenthesized?: boolean } | undefined)?.parenthesized).map(({ name }) => name));
  const indents = new Map(
    template.args.flatMap((pattern, position) =>
      pattern.kind === 'literal' || pattern.kind === 'object' || !args[position] ? [] : [[pattern.name, indentAt(source, args[position].start!)] as [string, string]],
    ),
  );
  return {
    texts,
    optional,
    objects,
    indents,
    siteIndent: indentAt(source, placement.range.start),
    ...placement,
    ...(block ? { block } : {}),
    ...(lines ? { lines } : {}),
    ...(conflict ? { conflict } : {}),
    ...(loose.size > 0 ? { loose } : {}),
  };
}

/** A metavariable and a node of the site it was bound to (a rest binds several). */
interface BoundNode {
  name: string;
  node: TemplateNode;
}

/** Code as a finding quotes it: on one line, and cut short past 80 characters. */
export function shortText(source: string, node: ASTNode): string {
  const { start, end } = node as { start?: number; end?: number };
  const text = source.slice(start, end).replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * Why the replacement cannot stand for this call: it repeats, reorders or drops an argument whose
 * evaluation may have an effect (`nextContext()` read twice, `getUser()` before `getMsg()`).
 */
function effectsConflict(template: CallTemplate, bound: BoundNode[], source: string): string | undefined {
  const effectful = bound.filter(({ node }) => !isInert(node as unknown as ASTNode));
  if (effectful.length === 0) return undefined;
  const textOf = (name: string): string => shortText(source, effectful.find((entry) => entry.name === name)!.node as unknown as ASTNode);
  // The site evaluates its arguments in the order it writes them.
  const names = [...new Set(effectful.sort((a, b) => a.node.start! - b.node.start!).map(({ name }) => name))];
  for (const name of names) {
    const uses = template.uses.filter((use) => use === name).length;
    if (uses === 0) return `the replacement drops \`${textOf(name)}\`, which may have effects: rewrite this call by hand`;
    if (uses > 1) return `the replacement evaluates \`${textOf(name)}\` ${uses === 2 ? 'twice' : `${uses} times`}, where the call did once: rewrite this call by hand`;
  }
  const order = template.uses.filter((use) => names.includes(use));
  const moved = order.findIndex((name, index) => name !== names[index]);
  if (moved !== -1) return `the replacement evaluates \`${textOf(order[moved]!)}\` before \`${textOf(names[moved]!)}\`, which both may have effects: rewrite this call by hand`;
  return undefined;
}

/** `{ key: $value, …, ...$rest }` in a match: plain keys bound to metavariables, at most one rest spread, last. */
function objectPattern(node: TemplateNode, text: string, bound: Set<string>, fail: (field: string, what: string) => never): ArgumentPattern {
  const keys: Array<{ key: string; name: string }> = [];
  let rest: string | undefined;
  const properties = node.properties as TemplateNode[];
  properties.forEach((property, index) => {
    const argument = property.argument as TemplateNode | undefined;
    const value = property.value as TemplateNode | undefined;
    const key = plainKey(property);
    let name: string | undefined;
    if (property.type === 'SpreadElement' && argument?.type === 'Identifier' && isMetavariable(argument.name as string) && index === properties.length - 1) {
      name = rest = argument.name as string;
    } else if (property.type === 'ObjectProperty' && !property.shorthand && key !== undefined && value?.type === 'Identifier' && isMetavariable(value.name as string)) {
      name = value.name as string;
      keys.push({ key, name });
    } else {
      fail('match', `"${text}": an object in a match is plain keys bound to metavariables ({ key: $value }) and, last, at most one ...$rest`);
    }
    if (name.startsWith('$$$')) fail('match', `"${text}": ${name} binds a list of arguments; in an object write $name`);
    if (bound.has(name)) fail('match', `${name} is bound twice in "${text}"`);
    bound.add(name);
  });
  return { kind: 'object', keys, ...(rest ? { rest } : {}) };
}

/**
 * Binds a site's object literal to an object pattern: every key of the pattern present once
 * (written plainly), the others bound to the rest, or none left without one.
 */
function bindObject(
  pattern: Extract<ArgumentPattern, { kind: 'object' }>,
  argument: TemplateNode,
  source: string,
  texts: Map<string, string>,
  objects: Map<string, { inner: string; keys: string[] }>,
  predicates: readonly Predicate[],
  bound: BoundNode[],
): boolean {
  if (argument.type !== 'ObjectExpression') return false;
  const properties = argument.properties as TemplateNode[];
  const keyOf = (property: TemplateNode): string | undefined => (property.type === 'ObjectProperty' ? plainKey(property) : undefined);
  // A spread, a method or a computed key could set any key: the site is not this shape for sure.
  if (properties.some((property) => keyOf(property) === undefined)) return false;
  const taken = new Set<TemplateNode>();
  for (const { key, name } of pattern.keys) {
    const found = properties.filter((property) => keyOf(property) === key);
    if (found.length !== 1) return false;
    const value = found[0]!.value as TemplateNode;
    if (!predicates.every((predicate) => predicate.name !== name || kindHolds(predicate, value))) return false;
    texts.set(name, source.slice(value.start!, value.end!));
    bound.push({ name, node: value });
    taken.add(found[0]!);
  }
  const others = properties.filter((property) => !taken.has(property));
  if (!pattern.rest) return others.length === 0;
  for (const property of others) bound.push({ name: pattern.rest, node: property.value as TemplateNode });
  const parts = others.map((property) => propertyWithComments(property, argument, source));
  // A line comment cannot go into the one-line object the rest becomes: the site stays as it is.
  if (parts.some((part) => part === undefined)) return false;
  texts.set(pattern.rest, parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`);
  objects.set(pattern.rest, { inner: parts.join(', '), keys: others.map((property) => keyOf(property)!) });
  return true;
}

/**
 * A property's text with the block comments written next to it (after the comma before it, and
 * before the comma after it); undefined when a line comment stands there.
 */
function propertyWithComments(property: TemplateNode, object: TemplateNode, source: string): string | undefined {
  const properties = object.properties as TemplateNode[];
  const index = properties.indexOf(property);
  const before = index === 0 ? object.start! + 1 : source.indexOf(',', properties[index - 1]!.end!) + 1;
  const after = index === properties.length - 1 ? object.end! - 1 : properties[index + 1]!.start!;
  const comma = source.indexOf(',', property.end!);
  const trailing = source.slice(property.end!, comma !== -1 && comma < after ? comma : after);
  const leading = source.slice(before, property.start!);
  if (/\/\//.test(leading + trailing)) return undefined;
  return `${leading.trim() ? `${leading.trim()} ` : ''}${source.slice(property.start!, property.end!)}${trailing.trimEnd()}`;
}

/** The key of a property written plainly (`retry:` or `'retry':`); undefined for a computed key or a spread. */
export function plainKey(property: TemplateNode): string | undefined {
  const key = property.key as TemplateNode | undefined;
  if (!key || property.computed) return undefined;
  return key.type === 'Identifier' ? (key.name as string) : key.type === 'StringLiteral' ? (key.value as string) : undefined;
}

/** A bound `{ retry: x }` whose keys are all written plainly; undefined for anything else. */
function inlinableObject(node: TemplateNode, source: string): { inner: string; keys: string[] } | undefined {
  if (node.type !== 'ObjectExpression') return undefined;
  const keys: string[] = [];
  for (const property of node.properties as TemplateNode[]) {
    const key = plainKey(property);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  const inner = source
    .slice(node.start! + 1, node.end! - 1)
    .trim()
    .replace(/,$/, '');
  return { inner, keys };
}

/** A key two parts of one merged object would both set, described; undefined when none. */
function keyConflict(template: CallTemplate, texts: Map<string, string>, objects: Map<string, { keys: string[] }>): string | undefined {
  for (const merge of template.merges) {
    const setBy = new Map<string, string>(merge.keys.map((key) => [key, 'the template']));
    const claims: Array<[string, string]> = [
      ...merge.computed.flatMap((name): Array<[string, string]> => {
        const key = stringKey(texts.get(name) ?? '');
        return key === undefined ? [] : [[key, name]];
      }),
      ...merge.spreads.flatMap((name) => (objects.get(name)?.keys ?? []).map((key): [string, string] => [key, name])),
    ];
    for (const [key, by] of claims) {
      const earlier = setBy.get(key);
      if (earlier) return `the replacement would set "${key}" twice (${earlier} and ${by}): merge it by hand`;
      setBy.set(key, by);
    }
  }
  return undefined;
}

/** The value of a string literal's text (`'name'` → name), or undefined. */
function stringKey(text: string): string | undefined {
  const match = /^(['"])((?:(?!\1)[^\\])*)\1$/.exec(text.trim());
  return match ? match[2] : undefined;
}

/** `o.constants.Zero` read (not called, not written) for `$o.constants.Zero`. */
function bindMemberRead(template: CallTemplate, node: TemplateNode, parent: TemplateNode | undefined, source: string): Pick<Bindings, 'texts' | 'optional' | 'objects'> | undefined {
  if (parent && isWrittenOrCalled(node, parent)) return undefined;
  const path = template.path!;
  let object = node;
  let optional = false;
  for (let position = path.length - 1; position >= 0; position--) {
    if (object.type !== 'MemberExpression' && object.type !== 'OptionalMemberExpression') return undefined;
    const property = object.property as TemplateNode;
    if (object.computed || property.type !== 'Identifier' || property.name !== path[position]) return undefined;
    // Only `?.` right after the receiver can be carried over to the replacement.
    if (object.optional === true) {
      if (position !== 0) return undefined;
      optional = true;
    }
    object = object.object as TemplateNode;
  }
  if (!template.predicates.every((predicate) => predicate.name !== template.receiver || kindHolds(predicate, object))) return undefined;
  return { texts: new Map([[template.receiver!, receiverText(object, source)]]), optional, objects: new Map() };
}

/**
 * A receiver's text with the parentheses the source wraps it in, which Babel leaves out of its
 * range: `(items as Bag).length` must become `(items as Bag).size()`, not `items as Bag.size()`.
 */
function receiverText(node: TemplateNode, source: string): string {
  const text = source.slice(node.start!, node.end!);
  return (node.extra as { parenthesized?: boolean } | undefined)?.parenthesized ? `(${text})` : text;
}

/** The hole name of a statement template's local. */
export function localHole(name: string): string {
  return `\0local:${name}`;
}

/** `x` in `o.x` or `{ x: 1 }`: a property name, not a use of the binding `x`. */
function isPropertyName(node: TemplateNode, parent: TemplateNode | undefined): boolean {
  if (!parent) return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return true;
  return parent.type === 'ObjectProperty' && parent.key === node && !parent.computed && !parent.shorthand;
}

/** Whether a member expression is called, assigned, updated or deleted rather than read. */
function isWrittenOrCalled(node: TemplateNode, parent: TemplateNode): boolean {
  switch (parent.type) {
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
    case 'TaggedTemplateExpression':
      return parent.callee === node || parent.tag === node;
    case 'AssignmentExpression':
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.left === node;
    case 'UpdateExpression':
      return true;
    case 'UnaryExpression':
      return parent.operator === 'delete';
    default:
      return false;
  }
}

/**
 * Whether any expression (short of a sequence) may stand in this slot of the replacement as it is:
 * an argument, an element, a property's value, an initialiser. Elsewhere (a member's object, an
 * operand) a bound `a ?? b` needs parentheses.
 */
function isFreeSlot(parent: TemplateNode | undefined, node: TemplateNode): boolean {
  if (!parent || (node.extra as { parenthesized?: boolean } | undefined)?.parenthesized) return true;
  switch (parent.type) {
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return parent.callee !== node;
    case 'ArrayExpression':
    case 'TemplateLiteral':
    case 'ReturnStatement':
    case 'ExpressionStatement':
    case 'ThrowStatement':
    case 'SpreadElement':
      return true;
    case 'ObjectProperty':
      return parent.value === node;
    case 'VariableDeclarator':
      return parent.init === node;
    case 'AssignmentExpression':
      return parent.right === node;
    default:
      return false;
  }
}

/** Whether a unary-level expression (an `await`) would need parentheses in this slot. */
function isTightSlot(parent: TemplateNode, node: TemplateNode): boolean {
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return parent.callee === node;
    case 'TaggedTemplateExpression':
      return parent.tag === node;
    case 'BinaryExpression':
      return parent.operator === '**' && parent.left === node;
    case 'TSNonNullExpression':
      return true;
    default:
      return false;
  }
}

/** Whether a `new` writes its `(…)`. */
function hasArgumentList(node: TemplateNode, source: string): boolean {
  const afterCallee = ((node.typeParameters ?? node.typeArguments) as TemplateNode | undefined)?.end ?? (node.callee as TemplateNode).end!;
  return source.slice(afterCallee, node.end!).includes('(');
}

/**
 * The replacement text for one call site. At a call written one argument per line, an object
 * literal that takes the arguments is written one property per line, with each argument's
 * trailing comment after its property.
 */
export function instantiate(template: CallTemplate, bindings: Bindings, source?: string): string {
  if (template.statements) {
    const at = bindings.range.start;
    const indent = source ? indentAt(source, at) : '';
    const eol = source ? terminatorAt(source, at) : '\n';
    const statements = template.statements.map((statement) => fill(template, bindings, statement.start, statement.end));
    if (!bindings.block) return statements.join(`${eol}${indent}`);
    // `if (v) show(v);` becomes `if (v) { … }`: a declaration cannot stand alone there.
    const inner = indent + (indent.startsWith('\t') ? '\t' : '  ');
    return `{${eol}${statements.map((statement) => inner + statement).join(eol)}${eol}${indent}}`;
  }
  const { lines } = bindings;
  const objects = lines ? template.objects.filter((object) => !template.objects.some((outer) => outer !== object && outer.start <= object.start && object.end <= outer.end)) : [];
  let out = '';
  let cursor = 0;
  for (const object of objects) {
    out += fill(template, bindings, cursor, object.start);
    const properties = object.parts.map((part) => {
      const { code, comment } = splitTrailingComment(fill(template, bindings, part.start, part.end));
      return `${lines!.indent}${code},${comment ? ` ${comment}` : ''}`;
    });
    const last = properties.length - 1;
    if (!lines!.trailingComma) properties[last] = properties[last]!.replace(/,( \/\/.*| \/\*.*)?$/, '$1');
    const eol = lines!.terminator;
    out += `{${eol}${properties.join(eol)}${eol}${lines!.closingIndent}}`;
    cursor = object.end;
  }
  out += fill(template, bindings, cursor, template.replaceText.length);
  return template.needsParens || (template.awaitsOutermost && bindings.tight) ? `(${out})` : out;
}

/** The replacement text from `from` to `to`, holes filled. */
function fill(template: CallTemplate, bindings: Bindings, from: number, to: number): string {
  const text = template.replaceText;
  let out = '';
  let cursor = from;
  for (const hole of template.holes) {
    if (hole.start < cursor || hole.end > to) continue;
    out += text.slice(cursor, hole.start);
    const value = bindings.texts.get(hole.name) ?? '';
    cursor = hole.end;
    if (hole.shorthandKey !== undefined) {
      const { code, comment } = splitTrailingComment(value);
      out += code === hole.shorthandKey ? `${code}${comment ? ` ${comment}` : ''}` : `${hole.shorthandKey}: ${value}`;
      continue;
    }
    if (hole.computedKey) {
      const key = stringKey(value);
      out += key !== undefined && /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${value}]`;
      continue;
    }
    const inlined = hole.spread ? bindings.objects.get(hole.name) : undefined;
    if (inlined && inlined.inner === '') {
      // `{ key: k, ...{} }`: nothing to merge, and no comma left behind.
      if (/,\s*$/.test(out)) out = out.replace(/,\s*$/, '');
      else cursor += /^\s*,\s*/.exec(text.slice(cursor))?.[0].length ?? 0;
      continue;
    }
    if (inlined) {
      out += inlined.inner;
      continue;
    }
    if (hole.spread) {
      out += `...${value}`;
      continue;
    }
    if (value === '' && hole.name.startsWith('$$$')) {
      // An empty rest takes its separating comma with it.
      if (/,\s*$/.test(out)) out = out.replace(/,\s*$/, '');
      else cursor += /^\s*,\s*/.exec(text.slice(cursor))?.[0].length ?? 0;
      continue;
    }
    const written = hole.tight && bindings.loose?.has(hole.name) ? `(${value})` : value;
    out += reindent(written, bindings.indents?.get(hole.name), currentIndent(out, bindings.siteIndent));
    if (hole.optionalDotAt !== undefined && bindings.optional && text.slice(cursor).startsWith('.')) {
      out += '?';
    }
  }
  return out + text.slice(cursor, to);
}

/** The indent of the line the replacement text has reached. */
function currentIndent(out: string, siteIndent: string | undefined): string | undefined {
  const newline = out.lastIndexOf('\n');
  return newline === -1 ? siteIndent : /^[ \t]*/.exec(out.slice(newline + 1))![0];
}

/** `socket // note` → the code and its trailing comment (a line or a block comment), if any. */
function splitTrailingComment(text: string): { code: string; comment: string } {
  const trimmed = text.trimEnd();
  const match = /^([\s\S]*?)\s*(\/\/[^\n]*|\/\*(?:(?!\*\/)[\s\S])*\*\/)$/.exec(trimmed);
  return match && match[1] !== '' ? { code: match[1]!, comment: match[2]! } : { code: trimmed, comment: '' };
}

export function isMetavariable(name: string): boolean {
  return /^\$(\$\$)?[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** Statements, parsed in a block so offsets are one past the text's like an expression's. */
function parseStatements(j: JSCodeshift, text: string): TemplateNode | undefined {
  try {
    const program = j.withParser('ts')(`{${text}}`).find(j.Program).get().node as { body: TemplateNode[] };
    if (program.body.length !== 1 || program.body[0]!.type !== 'BlockStatement') return undefined;
    const block = program.body[0]!;
    return (block.body as TemplateNode[]).length > 0 ? block : undefined;
  } catch {
    return undefined;
  }
}

function parseExpression(j: JSCodeshift, text: string): TemplateNode | undefined {
  try {
    const program = j.withParser('ts')(`(${text})`).find(j.Program).get().node as { body: Array<{ type: string; expression?: TemplateNode }> };
    if (program.body.length !== 1 || program.body[0]!.type !== 'ExpressionStatement') return undefined;
    return program.body[0]!.expression;
  } catch {
    return undefined;
  }
}

type Fail = (field: string, what: string) => never;

interface MatchShape {
  kind: CallTemplate['kind'];
  name: string;
  receiver?: string;
  path?: string[];
  calleeVar?: string;
  calleeText?: string;
}

/** What a `match` expression (its `await` taken off) asks for: a call, a construction or a member read. */
function matchShape(node: TemplateNode, match: string, fail: Fail): MatchShape {
  if (node.type === 'NewExpression') {
    const callee = node.callee as TemplateNode;
    if (callee.type === 'Identifier' && isMetavariable(callee.name as string)) {
      if ((callee.name as string).startsWith('$$$')) fail('match', `the class of "${match}" cannot be a rest metavariable`);
      return { kind: 'new', name: '', calleeVar: callee.name as string };
    }
    const dotted = dottedName(callee);
    if (!dotted) return fail('match', `the class of "${match}" must be a metavariable ($C) or a name (C, ns.Sub.C)`);
    if (dotted.some(isMetavariable)) fail('match', `the class of "${match}" mixes a name and metavariables: bind the whole class as $C`);
    return { kind: 'new', name: dotted[dotted.length - 1]!, calleeText: dotted.join('.') };
  }
  if (node.type === 'CallExpression') {
    const callee = node.callee as TemplateNode;
    if (callee.type === 'Identifier') {
      const name = callee.name as string;
      if (isMetavariable(name)) fail('match', `the callee of "${match}" is a metavariable: name the function`);
      return { kind: 'function', name };
    }
    if (callee.type === 'MemberExpression' && !callee.computed && (callee.property as TemplateNode).type === 'Identifier') {
      const object = callee.object as TemplateNode;
      if (object.type !== 'Identifier' || !isMetavariable(object.name as string)) fail('match', `the receiver of "${match}" must be a metavariable such as $m`);
      return { kind: 'method', name: (callee.property as TemplateNode).name as string, receiver: object.name as string };
    }
    return fail('match', `"${match}" calls neither a method "$m.name(…)" nor a function "name(…)"`);
  }
  if (node.type === 'MemberExpression') {
    const dotted = dottedName(node);
    if (!dotted || !isMetavariable(dotted[0]!) || dotted.slice(1).some(isMetavariable))
      fail('match', `the member read "${match}" must start at a metavariable and name each property: $o.constants.Zero`);
    return { kind: 'member', name: dotted[dotted.length - 1]!, receiver: dotted[0]!, path: dotted.slice(1) };
  }
  return fail('match', `"${match}" is not a call: write a method call "$m.name($a)", a function call "name($a)", a construction "new $C($a)" or a member read "$o.name"`);
}

/** `a.b.c` → ['a', 'b', 'c']; undefined for anything but plain names and dots. */
function dottedName(node: TemplateNode): string[] | undefined {
  if (node.type === 'Identifier') return [node.name as string];
  if (node.type !== 'MemberExpression' || node.computed || (node.property as TemplateNode).type !== 'Identifier') return undefined;
  const head = dottedName(node.object as TemplateNode);
  return head ? [...head, (node.property as TemplateNode).name as string] : undefined;
}

function containsMetavariable(node: TemplateNode): boolean {
  let found = false;
  visit(node, (child) => {
    if (child.type === 'Identifier' && isMetavariable(child.name as string)) found = true;
  });
  return found;
}

/** Walks a template's tree; `claim` may take a whole subtree as one hole. */
export function visit(
  node: TemplateNode,
  enter: (node: TemplateNode, parent: TemplateNode | undefined) => void,
  claim?: (node: TemplateNode) => Hole | undefined,
  holes?: Hole[],
  parent?: TemplateNode,
): void {
  const claimed = claim?.(node);
  if (claimed) {
    holes!.push(claimed);
    return;
  }
  enter(node, parent);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'extra' || key === 'tokens' || key === 'comments') continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === 'object' && typeof (child as TemplateNode).type === 'string') visit(child as TemplateNode, enter, claim, holes, node);
    }
  }
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The layout of a call whose first argument starts on a line after its `(`; undefined otherwise. */
function argumentLines(call: TemplateNode, source: string, regions: ArgumentRegion[]): ArgumentLines | undefined {
  const args = call.arguments as TemplateNode[];
  if (args.length === 0 || !source.slice(regions[0]!.start, args[0]!.start!).includes('\n')) return undefined;
  const closing = call.end! - 1;
  // The last argument's separator is `,` when the call ends its list with a trailing comma.
  const trailingComma = source[regions[regions.length - 1]!.end] === ',';
  return { indent: indentAt(source, args[0]!.start!), closingIndent: indentAt(source, closing), trailingComma, terminator: terminatorAt(source, call.start!) };
}

/** The trimmed text of a region; a trailing line comment keeps its line break. */
function boundText(source: string, start: number, end: number, lastNode: TemplateNode): string {
  const text = source.slice(start, end).trim();
  const trailing = source.slice(lastNode.end!, end);
  return /\/\//.test(trailing) ? `${text}${terminatorAt(source, lastNode.end!)}` : text;
}

/** The terminator of the line holding `offset`. */
function terminatorAt(source: string, offset: number): string {
  const newline = source.indexOf('\n', offset);
  return newline > 0 && source[newline - 1] === '\r' ? '\r\n' : '\n';
}

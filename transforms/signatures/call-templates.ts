// Call-shape templates (`$m.add_connection($socket, $ctx)` → `$m.addConnection({ socket: $socket })`):
// parsed once from the config, matched against babel call nodes, and instantiated as text so
// every bound argument keeps its source (comments and formatting) verbatim.
import type { ASTNode, JSCodeshift } from 'jscodeshift';
import { SsotError } from '../../src/errors.js';

export type ArgumentPattern = { kind: 'bind'; name: string } | { kind: 'rest'; name: string } | { kind: 'literal'; text: string };

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
}

const CALLEE = '\0callee';

export interface CallTemplate {
  index: number;
  /** `signatures.templates[1]`, for messages. */
  label: string;
  kind: 'method' | 'function';
  /** The method or function name the legacy shape calls. */
  name: string;
  /** The receiver metavariable of a method template. */
  receiver?: string;
  args: ArgumentPattern[];
  matchText: string;
  replaceText: string;
  holes: Hole[];
  /** Object literals of the replacement with bound properties: laid out one per line at a call written so. */
  objects: Span[];
  /** True when the replacement's outermost node needs parentheses to stand where a call stood. */
  needsParens: boolean;
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
}

/** The layout of a call written one argument per line: its indents and line terminator. */
interface ArgumentLines {
  indent: string;
  closingIndent: string;
  trailingComma: boolean;
  terminator: string;
}

interface TemplateNode {
  type: string;
  start?: number | null;
  end?: number | null;
  [key: string]: unknown;
}

export function parseTemplate(j: JSCodeshift, index: number, match: string, replace: string, configFile: string): CallTemplate {
  const label = `signatures.templates[${index}]`;
  const fail = (field: string, what: string): never => {
    throw new SsotError('CONFIG_INVALID', `${configFile}: ${label}.${field}: ${what}`);
  };
  const matchNode = parseExpression(j, match) ?? fail('match', `"${match}" is not an expression`);
  const unwrapped = unwrapAwait(matchNode);
  if (unwrapped.type !== 'CallExpression') fail('match', `"${match}" is not a call: write a method call "$m.name($a)" or a function call "name($a)"`);
  const callee = unwrapped.callee as TemplateNode;
  let kind: CallTemplate['kind'];
  let name: string;
  let receiver: string | undefined;
  if (callee.type === 'Identifier') {
    kind = 'function';
    name = callee.name as string;
    if (isMetavariable(name)) fail('match', `the callee of "${match}" is a metavariable: name the function`);
  } else if (callee.type === 'MemberExpression' && !callee.computed && (callee.property as TemplateNode).type === 'Identifier') {
    kind = 'method';
    name = (callee.property as TemplateNode).name as string;
    const object = callee.object as TemplateNode;
    if (object.type !== 'Identifier' || !isMetavariable(object.name as string)) fail('match', `the receiver of "${match}" must be a metavariable such as $m`);
    receiver = object.name as string;
  } else {
    return fail('match', `"${match}" calls neither a method "$m.name(…)" nor a function "name(…)"`);
  }
  const args: ArgumentPattern[] = [];
  const bound = new Set<string>(receiver ? [receiver] : []);
  const argumentNodes = unwrapped.arguments as TemplateNode[];
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
    } else {
      if (containsMetavariable(argument)) fail('match', `argument ${position + 1} of "${match}" mixes code and metavariables: bind the whole argument`);
      args.push({ kind: 'literal', text: normalise(text) });
    }
  });

  const replaceNode = parseExpression(j, replace) ?? fail('replace', `"${replace}" is not an expression`);
  const holes: Hole[] = [];
  const objects: Span[] = [];
  visit(replaceNode, (node, parent) => {
    if (node.type === 'ObjectExpression') {
      const properties = node.properties as TemplateNode[];
      if (properties.some((property) => property.type === 'ObjectProperty' && containsMetavariable(property))) {
        objects.push({ start: node.start! - 1, end: node.end! - 1, parts: properties.map((property) => ({ start: property.start! - 1, end: property.end! - 1 })) });
      }
    }
    if (node.type === 'Identifier' && isMetavariable(node.name as string)) {
      const holeName = node.name as string;
      if (!bound.has(holeName)) fail('replace', `${holeName} is not bound by match "${match}"`);
      const hole: Hole = { start: node.start! - 1, end: node.end! - 1, name: holeName };
      if (parent?.type === 'MemberExpression' && parent.object === node && !parent.computed) hole.optionalDotAt = node.end! - 1;
      holes.push(hole);
      return;
    }
    if (kind === 'function' && node.type === 'CallExpression' && (node.callee as TemplateNode).type === 'Identifier' && (node.callee as TemplateNode).name === name) {
      const calleeNode = node.callee as TemplateNode;
      holes.push({ start: calleeNode.start! - 1, end: calleeNode.end! - 1, name: CALLEE });
    }
  }, (node) => {
    // `{ socket: $socket }` may print as `{ socket }` at a site that binds `socket`.
    if (node.type !== 'ObjectProperty' || node.computed || (node.key as TemplateNode).type !== 'Identifier') return undefined;
    const value = node.value as TemplateNode;
    if (value.type !== 'Identifier' || !isMetavariable(value.name as string) || node.shorthand) return undefined;
    if (!bound.has(value.name as string)) fail('replace', `${value.name as string} is not bound by match "${match}"`);
    return { start: node.start! - 1, end: node.end! - 1, name: value.name as string, shorthandKey: (node.key as TemplateNode).name as string };
  }, holes);
  holes.sort((a, b) => a.start - b.start);
  return {
    index,
    label,
    kind,
    name,
    ...(receiver ? { receiver } : {}),
    args,
    matchText: match,
    replaceText: replace,
    holes,
    objects,
    needsParens: !['CallExpression', 'MemberExpression', 'Identifier', 'OptionalCallExpression', 'OptionalMemberExpression'].includes(replaceNode.type),
  };
}

/** Binds a babel call to the template's argument patterns, or undefined when the shape differs. */
export function bindCall(template: CallTemplate, call: ASTNode, source: string): Bindings | undefined {
  const node = call as unknown as TemplateNode;
  const args = node.arguments as TemplateNode[];
  const fixed = template.args.filter((pattern) => pattern.kind !== 'rest').length;
  const hasRest = template.args.some((pattern) => pattern.kind === 'rest');
  if (hasRest ? args.length < fixed : args.length !== fixed) return undefined;
  // A call `fn?.(…)` may not happen at all: its replacement cannot say so in one call.
  if (node.optional === true) return undefined;
  const regions = argumentRegions(node, source);
  if (!regions) return undefined;
  const texts = new Map<string, string>();
  for (let position = 0; position < template.args.length; position++) {
    const pattern = template.args[position]!;
    if (pattern.kind === 'rest') {
      const rest = regions.slice(position);
      if (args.slice(position).some((argument) => argument.type === 'SpreadElement') && template.args.length > position + 1) return undefined;
      texts.set(pattern.name, rest.length === 0 ? '' : boundText(source, rest[0]!.start, rest[rest.length - 1]!.end, args[args.length - 1]!));
      break;
    }
    const argument = args[position]!;
    // A spread stands for any number of arguments: it cannot fill one place.
    if (argument.type === 'SpreadElement') return undefined;
    const region = regions[position]!;
    if (pattern.kind === 'literal') {
      if (normalise(source.slice(argument.start!, argument.end!)) !== pattern.text) return undefined;
      continue;
    }
    const bound = boundText(source, region.start, region.end, argument);
    texts.set(pattern.name, region.note ? `${bound.trimEnd()} ${region.note}${region.note.startsWith('//') ? terminatorAt(source, region.end) : ''}` : bound);
  }
  const callee = node.callee as TemplateNode;
  const lines = argumentLines(node, source, regions);
  let optional = false;
  if (template.kind === 'method') {
    const object = callee.object as TemplateNode;
    texts.set(template.receiver!, source.slice(object.start!, object.end!));
    optional = callee.optional === true;
  } else {
    texts.set(CALLEE, source.slice(callee.start!, callee.end!));
  }
  return { texts, optional, ...(lines ? { lines } : {}) };
}

/**
 * The replacement text for one call site. At a call written one argument per line, an object
 * literal that takes the arguments is written one property per line, with each argument's
 * trailing comment after its property.
 */
export function instantiate(template: CallTemplate, bindings: Bindings): string {
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
  return template.needsParens ? `(${out})` : out;
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
    if (value === '' && hole.name.startsWith('$$$')) {
      // An empty rest takes its separating comma with it.
      if (/,\s*$/.test(out)) out = out.replace(/,\s*$/, '');
      else cursor += (/^\s*,\s*/.exec(text.slice(cursor))?.[0].length ?? 0);
      continue;
    }
    out += value;
    if (hole.optionalDotAt !== undefined && bindings.optional && text.slice(cursor).startsWith('.')) {
      out += '?';
    }
  }
  return out + text.slice(cursor, to);
}

/** `socket // note` → the code and its trailing comment (a line or a block comment), if any. */
function splitTrailingComment(text: string): { code: string; comment: string } {
  const trimmed = text.trimEnd();
  const match = /^([\s\S]*?)\s*(\/\/[^\n]*|\/\*(?:(?!\*\/)[\s\S])*\*\/)$/.exec(trimmed);
  return match && match[1] !== '' ? { code: match[1]!, comment: match[2]! } : { code: trimmed, comment: '' };
}

function isMetavariable(name: string): boolean {
  return /^\$(\$\$)?[A-Za-z_][A-Za-z0-9_]*$/.test(name);
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

function unwrapAwait(node: TemplateNode): TemplateNode {
  return node.type === 'AwaitExpression' ? unwrapAwait(node.argument as TemplateNode) : node;
}

function containsMetavariable(node: TemplateNode): boolean {
  let found = false;
  visit(node, (child) => {
    if (child.type === 'Identifier' && isMetavariable(child.name as string)) found = true;
  });
  return found;
}

/** Walks a template's tree; `claim` may take a whole subtree as one hole. */
function visit(node: TemplateNode, enter: (node: TemplateNode, parent: TemplateNode | undefined) => void, claim?: (node: TemplateNode) => Hole | undefined, holes?: Hole[], parent?: TemplateNode): void {
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

function normalise(text: string): string {
  return text.replace(/\s+/g, '');
}

interface Region {
  start: number;
  end: number;
  /** A comment after the argument's comma, on its line. */
  note?: string;
}

/**
 * Each argument's stretch of source between its separators, so comments written next to an
 * argument travel with it. Undefined when the separators cannot be found (never for valid code).
 */
function argumentRegions(call: TemplateNode, source: string): Region[] | undefined {
  const args = call.arguments as TemplateNode[];
  const afterCallee = ((call.typeParameters ?? call.typeArguments) as TemplateNode | undefined)?.end ?? (call.callee as TemplateNode).end!;
  const open = scanFor(source, afterCallee, '(');
  if (open === undefined) return undefined;
  const regions: Region[] = [];
  let start = open + 1;
  for (const argument of args) {
    const separator = scanFor(source, argument.end!, ',', ')');
    if (separator === undefined) return undefined;
    // `socket, // the same socket`: the note after the comma is about the argument before it.
    const note = source[separator] === ',' ? /^[ \t]*(\/\/[^\n]*|\/\*(?:(?!\*\/)[^\n])*\*\/(?=[ \t]*\r?\n))/.exec(source.slice(separator + 1)) : null;
    regions.push({ start, end: separator, ...(note ? { note: note[1]! } : {}) });
    start = separator + 1 + (note ? note[0].length : 0);
  }
  return regions;
}

/** The layout of a call whose first argument starts on a line after its `(`; undefined otherwise. */
function argumentLines(call: TemplateNode, source: string, regions: Region[]): ArgumentLines | undefined {
  const args = call.arguments as TemplateNode[];
  if (args.length === 0 || !source.slice(regions[0]!.start, args[0]!.start!).includes('\n')) return undefined;
  const indentAt = (position: number): string => /^[ \t]*/.exec(source.slice(source.lastIndexOf('\n', position - 1) + 1))![0];
  const closing = call.end! - 1;
  // The last argument's separator is `,` when the call ends its list with a trailing comma.
  const trailingComma = source[regions[regions.length - 1]!.end] === ',';
  return { indent: indentAt(args[0]!.start!), closingIndent: indentAt(closing), trailingComma, terminator: terminatorAt(source, call.start!) };
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

/** The position of the first of `targets` at or after `from`, skipping whitespace and comments. */
function scanFor(source: string, from: number, ...targets: string[]): number | undefined {
  let position = from;
  while (position < source.length) {
    const char = source[position]!;
    if (targets.includes(char)) return position;
    if (source.startsWith('//', position)) {
      const end = source.indexOf('\n', position);
      position = end === -1 ? source.length : end + 1;
    } else if (source.startsWith('/*', position)) {
      const end = source.indexOf('*/', position + 2);
      position = end === -1 ? source.length : end + 2;
    } else {
      position++;
    }
  }
  return undefined;
}

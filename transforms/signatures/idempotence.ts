// The promise that a second run changes nothing, checked when the config loads: a template
// whose replacement has the shape of some template's match (its own included) is refused.
// Types are not known yet, so a shape match counts: the receiver's type may qualify.
import { SsotError } from '../../src/errors.js';
import { isMetavariable, normalise, plainKey, visit, type CallTemplate, type TemplateNode } from './call-templates.js';
import { kindHolds, type Predicate } from './predicates.js';

export function checkIdempotence(templates: readonly CallTemplate[]): void {
  for (const written of templates) {
    const parents = new Map<TemplateNode, TemplateNode | undefined>();
    visit(written.replaceTree, (node, parent) => parents.set(node, parent));
    for (const [node, parent] of parents) {
      const matched = templates.find((candidate) => mayMatch(candidate, node, parent, written));
      if (!matched) continue;
      const target = matched === written ? 'its own match' : `${matched.label}.match "${matched.matchText}"`;
      throw new SsotError(
        'CONFIG_INVALID',
        `${written.label}.replace: "${written.replaceText}" has the shape of ${target}: a second run would rewrite it again. Rename the call, change its arity, or add a where predicate the replacement fails`,
      );
    }
  }
}

/** Whether `node`, a part of `written`'s replacement, may bind to `candidate` at some site. */
function mayMatch(candidate: CallTemplate, node: TemplateNode, parent: TemplateNode | undefined, written: CallTemplate): boolean {
  if (candidate.awaited && parent?.type !== 'AwaitExpression') return false;
  switch (candidate.kind) {
    case 'member':
      return node.type === 'MemberExpression' && !isCallee(node, parent) && pathMatches(node, candidate.path!) && receiverMayHold(candidate, node, written);
    case 'new':
      if (node.type !== 'NewExpression') return false;
      if (candidate.calleeText !== undefined && normalise(textOf(written, node.callee as TemplateNode)) !== candidate.calleeText && !isMetavariableNode(node.callee as TemplateNode)) return false;
      return argumentsMayMatch(candidate, node, written);
    case 'method': {
      if (node.type !== 'CallExpression') return false;
      const callee = node.callee as TemplateNode;
      if (callee.type !== 'MemberExpression' || callee.computed || (callee.property as TemplateNode).name !== candidate.name) return false;
      return receiverMayHold(candidate, callee, written) && argumentsMayMatch(candidate, node, written);
    }
    case 'function': {
      if (node.type !== 'CallExpression') return false;
      const callee = node.callee as TemplateNode;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? (callee.property as TemplateNode).name : undefined;
      return name === candidate.name && argumentsMayMatch(candidate, node, written);
    }
  }
}

function isCallee(node: TemplateNode, parent: TemplateNode | undefined): boolean {
  return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === node;
}

function pathMatches(node: TemplateNode, path: string[]): boolean {
  let current = node;
  for (let position = path.length - 1; position >= 0; position--) {
    if (current.type !== 'MemberExpression' || current.computed || (current.property as TemplateNode).name !== path[position]) return false;
    current = current.object as TemplateNode;
  }
  return true;
}

/** A member's object against the candidate's receiver predicates. */
function receiverMayHold(candidate: CallTemplate, member: TemplateNode, written: CallTemplate): boolean {
  let object = member;
  for (let depth = 0; depth < (candidate.kind === 'member' ? candidate.path!.length : 1); depth++) object = object.object as TemplateNode;
  return predicatesMayHold(candidate, candidate.receiver!, object, written);
}

function argumentsMayMatch(candidate: CallTemplate, call: TemplateNode, written: CallTemplate): boolean {
  const args = (call.arguments ?? []) as TemplateNode[];
  // A rest metavariable or a spread of the replacement may stand for any number of arguments.
  const open = args.filter((argument) => argument.type === 'SpreadElement' || (argument.type === 'Identifier' && (argument.name as string).startsWith('$$$')));
  const fixedGiven = args.length - open.length;
  const fixedWanted = candidate.args.filter((pattern) => pattern.kind !== 'rest').length;
  const wantsRest = candidate.args.some((pattern) => pattern.kind === 'rest');
  if (open.length === 0 ? (wantsRest ? fixedGiven < fixedWanted : fixedGiven !== fixedWanted) : !wantsRest && fixedGiven > fixedWanted) return false;
  if (open.length > 0) return true;
  return candidate.args.every((pattern, position) => {
    const argument = args[position];
    if (pattern.kind === 'rest' || !argument) return true;
    if (isMetavariableNode(argument)) return true;
    if (pattern.kind === 'literal') return normalise(textOf(written, argument)) === pattern.text;
    if (pattern.kind === 'object') return objectMayMatch(pattern, argument, written);
    return predicatesMayHold(candidate, pattern.name, argument, written);
  });
}

/** An object of the replacement against an object pattern: it may match when it could have every key. */
function objectMayMatch(pattern: Extract<CallTemplate['args'][number], { kind: 'object' }>, argument: TemplateNode, written: CallTemplate): boolean {
  if (argument.type !== 'ObjectExpression') return false;
  const properties = argument.properties as TemplateNode[];
  const keys = new Set(properties.map(plainKey));
  // A spread may bring any key, except the rest of one of the written match's object patterns:
  // it lacks the keys that pattern took out.
  const restsOfWritten = new Map(written.args.flatMap((item) => (item.kind === 'object' && item.rest ? [[item.rest, new Set(item.keys.map(({ key }) => key))] as const] : [])));
  const spreads = properties.filter((property) => property.type === 'SpreadElement').map((property) => restsOfWritten.get((property.argument as TemplateNode).name as string));
  const mayHave = (key: string): boolean => keys.has(key) || spreads.some((takenOut) => !takenOut?.has(key));
  return pattern.keys.every(({ key }) => mayHave(key)) && (pattern.rest !== undefined || spreads.length > 0 || properties.length === pattern.keys.length);
}

/** Whether the candidate's predicates on `name` may hold for a replacement node. */
function predicatesMayHold(candidate: CallTemplate, name: string, node: TemplateNode, written: CallTemplate): boolean {
  return candidate.predicates
    .filter((predicate) => predicate.name === name)
    .every((predicate) => {
      if (isMetavariableNode(node))
        return !contradicts(
          written.predicates.find((own) => own.name === node.name),
          predicate,
        );
      if ('kind' in predicate) return kindHolds(predicate, node);
      const literal = literalType(node);
      if (literal === undefined) return true;
      const named = predicate.types.filter((type) => !['number', 'string', 'boolean', 'bigint', 'symbol', 'null', 'undefined'].includes(type));
      // A literal's type is known, unless the predicate names a type it may be assignable to.
      if (named.length > 0 && !predicate.negated) return true;
      return predicate.types.includes(literal) !== predicate.negated;
    });
}

/** `!number` against `number` (either way round): no value satisfies both. */
function contradicts(own: Predicate | undefined, other: Predicate): boolean {
  if (!own) return false;
  const bare = (predicate: Predicate) => predicate.text.trim().replace(/^!\s*/, '').replace(/\s+/g, '');
  return own.negated !== other.negated && bare(own) === bare(other);
}

function literalType(node: TemplateNode): string | undefined {
  switch (node.type) {
    case 'NumericLiteral':
      return 'number';
    case 'StringLiteral':
    case 'TemplateLiteral':
      return 'string';
    case 'BooleanLiteral':
      return 'boolean';
    case 'ObjectExpression':
    case 'ArrayExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return 'object';
    default:
      return undefined;
  }
}

function isMetavariableNode(node: TemplateNode): boolean {
  return node.type === 'Identifier' && isMetavariable(node.name as string);
}

function textOf(template: CallTemplate, node: TemplateNode): string {
  return template.replaceText.slice(node.start! - 1, node.end! - 1);
}

// `where` predicates of a template: what a bound metavariable must be for the template to apply.
// A kind (`ObjectLiteral`, `Function`…) is read from the syntax; a type (`number`,
// `string | RegExp`) is asked of the type checker. `!` in front negates either.
import type { Node, Type } from 'ts-morph';
import { SsotError } from '../../src/errors.js';

const PREDICATE_KINDS = ['ObjectLiteral', 'ArrayLiteral', 'StringLiteral', 'Identifier', 'Function'] as const;
type PredicateKind = (typeof PREDICATE_KINDS)[number];

export type Predicate = { name: string; negated: boolean; text: string } & ({ kind: PredicateKind } | { types: string[] });

const PRIMITIVES = new Set(['number', 'string', 'boolean', 'bigint', 'symbol', 'null', 'undefined']);

/** Reads `where`; `bound` are the metavariables the match binds, `rest` the one that binds a list. */
export function parsePredicates(where: Record<string, string> | undefined, bound: ReadonlySet<string>, rest: string | undefined, field: string): Predicate[] {
  const fail = (name: string, what: string): never => {
    throw new SsotError('CONFIG_INVALID', `${field}.where.${name}: ${what}`);
  };
  return Object.entries(where ?? {}).map(([name, written]) => {
    if (!bound.has(name)) fail(name, `${name} is not bound by match`);
    if (name === rest) fail(name, `${name} binds a list of arguments: a predicate needs one`);
    const negated = written.trimStart().startsWith('!');
    const text = negated ? written.trimStart().slice(1).trim() : written.trim();
    if ((PREDICATE_KINDS as readonly string[]).includes(text)) return { name, negated, text: written, kind: text as PredicateKind };
    const types = text.split('|').map((part) => part.trim());
    for (const type of types) {
      if ((PREDICATE_KINDS as readonly string[]).includes(type)) fail(name, `"${written}" mixes a kind (${type}) with types: write one kind or a union of types`);
      if (!PRIMITIVES.has(type) && !/^[A-Za-z_$][\w$]*$/.test(type)) {
        fail(name, `"${type}" is neither a kind (${PREDICATE_KINDS.join(', ')}) nor a type name such as number or RegExp`);
      }
    }
    return { name, negated, text: written, types };
  });
}

interface SyntaxNode {
  type: string;
  expressions?: unknown[];
}

/** Whether a babel node satisfies a kind predicate (types are checked elsewhere: true here). */
export function kindHolds(predicate: Predicate, node: SyntaxNode | undefined): boolean {
  if (!('kind' in predicate) || !node) return true;
  return isKind(predicate.kind, node) !== predicate.negated;
}

function isKind(kind: PredicateKind, node: SyntaxNode): boolean {
  switch (kind) {
    case 'ObjectLiteral':
      return node.type === 'ObjectExpression';
    case 'ArrayLiteral':
      return node.type === 'ArrayExpression';
    case 'StringLiteral':
      return node.type === 'StringLiteral' || (node.type === 'TemplateLiteral' && (node.expressions ?? []).length === 0);
    case 'Identifier':
      return node.type === 'Identifier';
    case 'Function':
      return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
  }
}

/**
 * Whether a node's type satisfies a type predicate (kinds are checked elsewhere: true here).
 * A type that says nothing (`any`, `unknown`) satisfies no type predicate, negated or not: the
 * template does not apply where the checker cannot tell.
 */
export function typeHolds(predicate: Predicate, node: Node): boolean {
  if (!('types' in predicate)) return true;
  const type = node.getType();
  if (type.isAny() || type.isUnknown()) return false;
  const members = type.isUnion() ? type.getUnionTypes() : [type];
  const holds = members.every((member) => predicate.types.some((name) => isOfType(member, name, node)));
  return holds !== predicate.negated;
}

function isOfType(type: Type, name: string, at: Node): boolean {
  switch (name) {
    case 'number':
      return type.isNumber() || type.isNumberLiteral() || type.isEnumLiteral();
    case 'string':
      return type.isString() || type.isStringLiteral() || type.isTemplateLiteral();
    case 'boolean':
      return type.isBoolean() || type.isBooleanLiteral();
    case 'bigint':
      return type.isBigInt() || type.isBigIntLiteral();
    case 'symbol':
      // ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol
      return (type.getFlags() & (512 | 16384)) !== 0;
    case 'null':
      return type.isNull();
    case 'undefined':
      return type.isUndefined();
    default:
      return assignableToNamed(type, name, at);
  }
}

/** Whether `type` is assignable to the type `name` means where `at` stands (a global such as RegExp, or a name in scope). */
function assignableToNamed(type: Type, name: string, at: Node): boolean {
  const checker = at.getProject().getTypeChecker().compilerObject;
  // ts.SymbolFlags.Type | ts.SymbolFlags.Alias: a type declared here, global or imported.
  const found = checker.getSymbolsInScope(at.compilerNode, 788968 | 2097152).find((candidate) => candidate.name === name);
  const symbol = found && (found.flags & 2097152) !== 0 ? checker.getAliasedSymbol(found) : found;
  if (!symbol) return false;
  return checker.isTypeAssignableTo(type.compilerType, checker.getDeclaredTypeOfSymbol(symbol));
}

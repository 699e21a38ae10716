// Which expressions may be pasted into any slot of another expression as they are written.

/** Expressions that stand anywhere an identifier does without parentheses. */
const TIGHT = new Set([
  'Identifier',
  'MemberExpression',
  'OptionalMemberExpression',
  'CallExpression',
  'OptionalCallExpression',
  'StringLiteral',
  'NumericLiteral',
  'BigIntLiteral',
  'BooleanLiteral',
  'NullLiteral',
  'RegExpLiteral',
  'TemplateLiteral',
  'ThisExpression',
  'ArrayExpression',
  'ObjectExpression',
  'TSNonNullExpression',
]);

/**
 * True when `node`'s text can be a member's object, a callee or an operand without parentheses:
 * `a ?? b` cannot (`a ?? b.userId` reads `b.userId`), `a.b` can.
 */
export function isTightExpression(node: { type: string }): boolean {
  return TIGHT.has(node.type);
}

// Whether evaluating an expression can have an effect: an inert one may be moved, repeated or
// dropped by a rewrite (an argument a wrapper reorders, the test of a conditional that collapses).
import type { ASTNode } from 'jscodeshift';

interface ExpressionParts {
  object?: ASTNode;
  property?: ASTNode;
  computed?: boolean;
  argument?: ASTNode;
  left?: ASTNode;
  right?: ASTNode;
  operator?: string;
  expression?: ASTNode;
  elements?: Array<ASTNode | null>;
  properties?: ASTNode[];
  value?: ASTNode;
}

/** True when evaluating `node` cannot call anything, assign anything or throw by design. */
export function isInert(node: ASTNode): boolean {
  const expression = node as ASTNode & ExpressionParts;
  switch (expression.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return true;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return isInert(expression.object) && (!expression.computed || isInert(expression.property));
    case 'UnaryExpression':
      return expression.operator !== 'delete' && isInert(expression.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isInert(expression.left) && isInert(expression.right);
    case 'TSNonNullExpression':
    case 'TSAsExpression':
      return isInert(expression.expression);
    case 'ArrayExpression':
      return expression.elements.every((element) => element === null || isInert(element));
    case 'ObjectExpression':
      return expression.properties.every((property) => {
        const parts = property as ASTNode & ExpressionParts;
        return parts.type === 'ObjectProperty' && !parts.computed && isInert(parts.value);
      });
    default:
      return false;
  }
}

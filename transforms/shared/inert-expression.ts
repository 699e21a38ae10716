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
    case 'JSXElement':
    case 'JSXFragment':
      return isInertJsx(node);
    default:
      return false;
  }
}

/**
 * JSX only builds an element (a component runs when it renders, not here): inert when every
 * expression written in its attributes and children is.
 */
function isInertJsx(node: ASTNode): boolean {
  const element = node as ASTNode & { openingElement?: { attributes: ASTNode[] }; children?: ASTNode[] };
  const attributes = element.openingElement?.attributes ?? [];
  const partIsInert = (part: ASTNode | null | undefined): boolean => {
    if (!part) return true;
    const parts = part as ASTNode & { value?: ASTNode | null; argument?: ASTNode; expression?: ASTNode };
    switch (parts.type) {
      case 'JSXText':
      case 'StringLiteral':
      case 'JSXEmptyExpression':
        return true;
      case 'JSXAttribute':
        return partIsInert(parts.value);
      case 'JSXExpressionContainer':
        return partIsInert(parts.expression);
      case 'JSXElement':
      case 'JSXFragment':
        return isInertJsx(part);
      case 'JSXSpreadAttribute':
      case 'JSXSpreadChild':
        return isInert(parts.argument ?? parts.expression!);
      default:
        return isInert(part);
    }
  };
  return attributes.every(partIsInert) && (element.children ?? []).every(partIsInert);
}

// Whether an expression's value is thrown away where it stands. A call of a wrapper that returns
// nothing can become the call it makes, which returns something, only there.
import type { ASTPath } from 'jscodeshift';

export function isResultUnused(path: ASTPath): boolean {
  const node = path.node;
  const parent = path.parent?.node as { type: string; operator?: string; init?: unknown; update?: unknown; expressions?: unknown[] } | undefined;
  switch (parent?.type) {
    case 'ExpressionStatement':
      return true;
    case 'UnaryExpression':
      return parent.operator === 'void';
    case 'ForStatement':
      return parent.init === node || parent.update === node;
    case 'SequenceExpression':
      // `a(), b`: only the last expression is the sequence's value.
      return parent.expressions!.at(-1) !== node || isResultUnused(path.parent);
    default:
      return false;
  }
}

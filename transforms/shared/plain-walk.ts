// Walking a tree as plain objects. jscodeshift's `find` makes a path for every node of the file
// through ast-types' visitor, which costs several times the parse; a reader that only needs the
// nodes of a few types walks them here, and makes a path (if at all) only for what it keeps.
import type { ASTNode } from 'jscodeshift';

/** Keys that hold no code. */
export const SKIPPED_KEYS = new Set(['loc', 'start', 'end', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'range']);

/** Calls `visit` for `node` and every node below it, parents before children, in source order. */
export function forEachNode(node: object, visit: (node: ASTNode) => void): void {
  if (typeof (node as { type?: unknown }).type === 'string') visit(node as ASTNode);
  for (const key of Object.keys(node)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object') forEachNode(item, visit);
    } else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      forEachNode(value, visit);
    }
  }
}

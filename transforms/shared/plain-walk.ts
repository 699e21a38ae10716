// Walking a tree as plain objects. jscodeshift's `find` makes a path for every node of the file
// through ast-types' visitor, which costs several times the parse; a reader that only needs the
// nodes of a few types walks them here, and makes a path (if at all) only for what it keeps.
import type { ASTNode } from 'jscodeshift';

/** Keys that hold no code. */
export const SKIPPED_KEYS = new Set(['loc', 'start', 'end', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'range']);

/**
 * Calls `visit` for `node` and the nodes below it whose text holds one of `offsets` (ascending),
 * parents before children, in source order, with the node's ancestors (its parent last; the
 * array is the walk's own, valid during the call). A reader that looks for a word finds where
 * the word is in the text first, and skips the subtrees without it: in most files, nearly all
 * of them.
 */
export function forEachNodeHolding(node: object, offsets: readonly number[], visit: (node: ASTNode, ancestors: readonly ASTNode[]) => void, ancestors: ASTNode[] = []): void {
  if (offsets.length === 0 || !holdsAnyOffset(node, offsets)) return;
  const isNode = typeof (node as { type?: unknown }).type === 'string';
  if (isNode) {
    visit(node as ASTNode, ancestors);
    ancestors.push(node as ASTNode);
  }
  for (const key of Object.keys(node)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object') forEachNodeHolding(item, offsets, visit, ancestors);
    } else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      forEachNodeHolding(value, offsets, visit, ancestors);
    }
  }
  if (isNode) ancestors.pop();
}

/** Where each match of `pattern` (a global expression) starts in `text`, ascending. */
export function offsetsOf(text: string, pattern: RegExp): number[] {
  return Array.from(text.matchAll(pattern), (match) => match.index);
}

/**
 * Whether the node's text, [start, end), holds one of the ascending offsets. A node without a
 * range may. A decorated parameter's range starts after its decorators: they count as its text.
 */
export function holdsAnyOffset(node: object, offsets: readonly number[]): boolean {
  const { start: own, end, decorators } = node as { start?: unknown; end?: unknown; decorators?: Array<{ start?: unknown }> | null };
  if (typeof own !== 'number' || typeof end !== 'number') return true;
  const decorated = decorators?.[0]?.start;
  const start = typeof decorated === 'number' ? Math.min(own, decorated) : own;
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low]! < end;
}

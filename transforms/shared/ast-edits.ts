// Small AST edits that keep the file's own formatting: change a string literal but keep its
// quotes, remove a statement but keep its comments, and find names that are free.
import type { ASTNode, ASTPath, Collection, JSCodeshift, StringLiteral } from 'jscodeshift';

/** Sets a string literal's value, written with the quote character it already had. */
export function setStringValue(literal: StringLiteral, value: string): void {
  const raw = (literal as { extra?: { raw?: string } }).extra?.raw;
  const quote = raw?.startsWith('"') ? '"' : raw?.startsWith('`') ? '`' : "'";
  literal.value = value;
  (literal as { extra?: unknown }).extra = { rawValue: value, raw: quote + value.replace(new RegExp(quote, 'g'), `\\${quote}`) + quote };
}

/** The name an identifier or a string names: specifiers may be either (`export { "a-b" as c }`). */
export function nameOf(node: unknown): string {
  const named = node as { type: string; name?: unknown; value?: unknown };
  return named.type === 'Identifier' ? String(named.name) : String(named.value);
}

type Commented = ASTNode & { comments?: unknown[] | null };

/**
 * Removes a statement; its comments move to `heir` (the declaration that took over its
 * content) or else to the next statement (or the previous one), so a license header or an
 * explanation above a removed import is never lost. Returns the node that took the comments.
 */
export function removeStatement(statement: ASTPath, heir?: ASTNode): ASTNode | undefined {
  const node = statement.node as Commented;
  const comments = node.comments ?? [];
  let inheritor: ASTNode | undefined;
  if (comments.length > 0) {
    const siblings = (statement.parent?.node as { body?: Commented[] })?.body;
    const index = siblings ? siblings.indexOf(node) : -1;
    const next: Commented | undefined = siblings ? (siblings[index + 1] ?? siblings[index - 1]) : undefined;
    const target: Commented | undefined = heir ?? next;
    if (target) {
      const isLeading = (comment: unknown): boolean => Boolean((comment as { leading?: boolean }).leading);
      const own = target.comments ?? [];
      const following = !heir && siblings![index + 1] === target;
      target.comments = following
        ? [...comments.filter(isLeading), ...own, ...comments.filter((comment) => !isLeading(comment))]
        : [...own.filter(isLeading), ...comments.filter(isLeading), ...own.filter((comment) => !isLeading(comment)), ...comments.filter((comment) => !isLeading(comment))];
      inheritor = target;
    }
  }
  statement.prune();
  return inheritor;
}

/**
 * Removes a statement no longer needed together with its own comments: the block right above it
 * and a note after it on its last line. A comment set apart by a blank line, or one above the
 * file's first statement (its header), is not its own: it goes where `removeStatement` puts it.
 */
export function removeStatementAndItsComments(statement: ASTPath, heir?: ASTNode): ASTNode | undefined {
  const node = statement.node as Commented & { loc?: Span | null };
  const comments = (node.comments ?? []) as Array<{ leading?: boolean; loc?: Span | null }>;
  const parent = statement.parent?.node as { type: string; body?: unknown[] } | undefined;
  const isHeader = parent?.type === 'Program' && parent.body?.[0] === node;
  const own = new Set<unknown>();
  if (node.loc) {
    let top = node.loc.start.line;
    for (const comment of comments.filter((item) => item.leading).reverse()) {
      if (isHeader || !comment.loc || comment.loc.end.line < top - 1) break;
      own.add(comment);
      top = comment.loc.start.line;
    }
    for (const comment of comments) if (!comment.leading && comment.loc?.start.line === node.loc.end.line) own.add(comment);
  }
  node.comments = comments.filter((comment) => !own.has(comment));
  return removeStatement(statement, heir);
}

type Span = { start: { line: number }; end: { line: number } };

/**
 * Inserts `node` just above `statement`, taking over the statement's leading comments, so a
 * file header stays at the top. (Above, not below: recast separates a statement inserted after
 * another with a blank line.)
 */
export function insertAbove(statement: ASTPath, node: ASTNode): void {
  const existing = statement.node as Commented;
  const leading = (existing.comments ?? []).filter((comment) => (comment as { leading?: boolean }).leading);
  if (leading.length > 0) {
    existing.comments = (existing.comments ?? []).filter((comment) => !leading.includes(comment));
    (node as Commented).comments = [...leading, ...((node as Commented).comments ?? [])];
  }
  statement.insertBefore(node);
}

/** Every identifier name that appears in the file, to keep new bindings from colliding. */
export function usedNames(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>();
  root.find(j.Identifier).forEach(({ node }) => {
    names.add(node.name);
  });
  return names;
}

/** `preferred`, or `preferred2`, `preferred3`… whichever is not taken; records the choice. */
export function freeName(preferred: string, taken: Set<string>): string {
  let candidate = preferred;
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${preferred}${suffix}`;
  taken.add(candidate);
  return candidate;
}

/** The statement that contains `path` (a direct child of a body or the program). */
export function enclosingStatement(path: ASTPath): ASTPath | undefined {
  let current: ASTPath | null | undefined = path;
  while (current && current.parent) {
    const parentBody = (current.parent.node as { body?: unknown }).body;
    if (Array.isArray(parentBody) && parentBody.includes(current.node)) return current;
    current = current.parent;
  }
  return undefined;
}

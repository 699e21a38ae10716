// Small edits that keep the file's own formatting: a string literal written with its own quote,
// a statement removed with the comments around it kept, names that are free; and where lines,
// indentation and tokens are in the original text.
import type { ASTNode, ASTPath, Collection, ImportDeclaration, JSCodeshift } from 'jscodeshift';

/** A node of Babel's tree, as far as text edits need it. */
export interface Ranged {
  type: string;
  start?: number | null;
  end?: number | null;
}

/** The name an identifier or a string names: specifiers may be either (`export { "a-b" as c }`). */
export function nameOf(node: unknown): string {
  const named = node as { type: string; name?: unknown; value?: unknown };
  return named.type === 'Identifier' ? String(named.name) : String(named.value);
}

/** Every identifier name that appears in the file (JSX element names too), to keep new bindings from colliding. */
export function usedNames(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>();
  root.find(j.Identifier).forEach(({ node }) => {
    names.add(node.name);
  });
  root.find(j.JSXIdentifier).forEach(({ node }) => {
    names.add(node.name);
  });
  return names;
}

/**
 * The statements where imports and exports can stand: the program's, and those of `declare
 * module '…' { … }` blocks. Read without a visitor, which would walk every node of the file.
 */
export function moduleStatements(root: Collection): ASTNode[] {
  return moduleStatementPaths(root).map((path) => path.value);
}

/** The file's import declarations, as `root.find(j.ImportDeclaration)` finds them, without walking the rest of the file. */
export function importDeclarations(j: JSCodeshift, root: Collection): Collection<ImportDeclaration> {
  return j(moduleStatementPaths(root).filter((path) => path.value.type === 'ImportDeclaration')) as Collection<ImportDeclaration>;
}

/** The paths of moduleStatements, for callers that edit or look up through them. */
function moduleStatementPaths(root: Collection): ASTPath[] {
  const paths: ASTPath[] = [];
  const file = root.paths()[0];
  if (!file) return paths;
  const collect = (body: ASTPath): void => {
    const count = Array.isArray(body.value) ? body.value.length : 0;
    for (let index = 0; index < count; index++) {
      const statement = body.get(index) as ASTPath;
      paths.push(statement);
      if (statement.value.type !== 'TSModuleDeclaration') continue;
      let block = statement.get('body') as ASTPath;
      // `declare module a.b {}` nests one declaration in another.
      while ((block.value as ASTNode | null)?.type === 'TSModuleDeclaration') block = block.get('body') as ASTPath;
      if (Array.isArray((block.value as { body?: unknown } | null)?.body)) collect(block.get('body') as ASTPath);
    }
  };
  const type = (file.value as ASTNode).type;
  if (type === 'File' || type === 'Program') collect((type === 'File' ? file.get('program', 'body') : file.get('body')) as ASTPath);
  return paths;
}

/** The program's top-level statements, read without a visitor. */
export function programBody(root: Collection): ASTNode[] {
  return (root.paths()[0]?.node as { program?: { body: ASTNode[] } } | undefined)?.program?.body ?? [];
}

/** `preferred`, or `preferred2`, `preferred3`… whichever is not taken; records the choice. */
export function freeName(preferred: string, taken: Set<string>): string {
  let candidate = preferred;
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${preferred}${suffix}`;
  taken.add(candidate);
  return candidate;
}

// Text edits of the original (phases with `editModel: 'text'`). Nodes are Babel's: their
// `start`/`end` index `file.source`.

/** Every comment of a parsed file, in text order (Babel lists them on its File node). */
export function commentsOf(root: Collection): Array<{ start: number; end: number }> {
  return (root.get().node as { comments?: Array<{ start: number; end: number }> | null }).comments ?? [];
}

export function startOfLine(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Where the line holding `offset` ends: `contentEnd` before its terminator, `offset` after it
 * (the end of the text on the last line).
 */
export function endOfLine(source: string, offset: number): { contentEnd: number; offset: number; terminated: boolean } {
  const newline = source.indexOf('\n', offset);
  if (newline === -1) return { contentEnd: source.length, offset: source.length, terminated: false };
  return { contentEnd: source[newline - 1] === '\r' ? newline - 1 : newline, offset: newline + 1, terminated: true };
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(source: string, offset: number): string {
  return /^[ \t]*/.exec(source.slice(startOfLine(source, offset)))![0];
}

/**
 * A multi-line text moved from a line indented `from` to one indented `to`: its later lines that
 * start with `from` start with `to` instead; blank lines stay blank. Unknown indents leave it as it is.
 */
export function reindent(value: string, from: string | undefined, to: string | undefined): string {
  if (from === undefined || to === undefined || from === to || !value.includes('\n')) return value;
  return value.replace(/(\r?\n)(?![ \t]*(?:\r?\n|$))([ \t]*)/g, (whole, eol: string, indent: string) => (indent.startsWith(from) ? `${eol}${to}${indent.slice(from.length)}` : whole));
}

/** The offset of the next character at or after `from` that is neither whitespace nor in a comment. */
export function nextToken(source: string, from: number): number {
  let position = from;
  while (position < source.length) {
    if (/\s/.test(source[position]!)) position++;
    else if (source.startsWith('//', position)) position = endOfLine(source, position).contentEnd;
    else if (source.startsWith('/*', position)) position = source.indexOf('*/', position + 2) + 2 || source.length;
    else break;
  }
  return position;
}

/** `value` as a string literal written with the quote of `literal` (a module path keeps its quotes). */
export function stringLiteralText(source: string, literal: Ranged, value: string): string {
  const first = source[literal.start!];
  return quoteString(value, first === '"' || first === '`' ? first : "'");
}

/** `value` as a string literal in `quote`s. */
export function quoteString(value: string, quote: string): string {
  return quote + value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`) + quote;
}

/**
 * The range a statement takes when it is removed and the comments around it stay: its lines
 * with their terminator when nothing else is on them (a note after it stays, on a line of its
 * own at the statement's indentation), else just the statement.
 */
export function statementRemoval(source: string, statement: Ranged): { start: number; end: number } {
  const lineStart = startOfLine(source, statement.start!);
  const line = endOfLine(source, statement.end!);
  const before = source.slice(lineStart, statement.start!);
  const after = source.slice(statement.end!, line.contentEnd);
  if (!/^[ \t]*$/.test(before)) return { start: statement.start!, end: statement.end! };
  if (/^[ \t]*$/.test(after)) {
    // Between two blank lines (or a blank line and the start of the text), one of them goes too.
    const above = lineStart === 0 || /(?:^|\n)[ \t]*\r?\n$/.test(source.slice(0, lineStart));
    const below = endOfLine(source, line.offset);
    const blankBelow = line.terminated && below.terminated && /^[ \t]*$/.test(source.slice(line.offset, below.contentEnd));
    return { start: lineStart, end: above && blankBelow ? below.offset : line.offset };
  }
  if (/^[ \t]*(?:\/\/.*|\/\*(?:(?!\*\/).)*\*\/[ \t]*)$/.test(after)) return { start: statement.start!, end: statement.end! + /^[ \t]*/.exec(after)![0].length };
  return { start: statement.start!, end: statement.end! };
}

// A braced list of the original text (import and export specifiers, destructured properties)
// rewritten element by element: kept elements keep their bytes and comments, new ones follow the
// list's own layout (one line, or one element per line with its indentation and trailing comma).
import { endOfLine, nextToken, startOfLine, type Ranged } from './ast-edits.js';
import { lineTerminatorOf } from './import-text.js';

/** The narrowest width a file is taken to allow; a file with longer lines allows its longest. */
const MIN_WIDTH = 80;

/** What happens to a list: elements removed, elements written anew in place, elements added at its end. */
export interface ListChange {
  removed: ReadonlySet<Ranged>;
  renamed: ReadonlyMap<Ranged, string>;
  added: readonly string[];
  /** Elements put before the first one. */
  prepended?: readonly string[];
  /** A specifier list: when its names were in order, they stay in that order. */
  specifiers?: boolean;
}

/** How a list is written: on one line (with the padding inside its braces) or one element per line. */
export interface ListStyle {
  multiline: boolean;
  indent: string;
  trailingComma: boolean;
  padding: string;
}

interface Piece {
  /** Whitespace and comments before the element. */
  lead: string;
  body: string;
  /** Whatever stands between the element and its comma (a block comment). */
  trail: string;
  /** A note after the comma on the element's line. */
  note: string;
}

/** The width a file allows its lines. */
export function widthOf(source: string): number {
  return Math.max(MIN_WIDTH, ...source.split(/\r?\n/).map((line) => line.length));
}

/**
 * The text between `{` at `open` and `}` at `close` once `change` is made to `elements`. The
 * comments of a removed element stay, before the element that follows it.
 */
export function rewriteList(source: string, open: number, close: number, elements: readonly Ranged[], change: ListChange, fallback: ListStyle): string {
  const eol = lineTerminatorOf(source);
  const style = elements.length > 0 ? styleOfList(source, open, close, elements) : fallback;
  const pieces: Piece[] = [];
  let boundary = open + 1;
  let carried = '';
  let hadTrailingComma = false;
  elements.forEach((element, index) => {
    const comma = nextToken(source, element.end!);
    const hasComma = source[comma] === ',';
    if (index === elements.length - 1) hadTrailingComma = hasComma;
    const after = hasComma ? comma + 1 : element.end!;
    const line = endOfLine(source, after);
    const rest = source.slice(after, line.contentEnd);
    const noteEnd = /^[ \t]*(?:\/\/.*|\/\*(?:(?!\*\/).)*\*\/)[ \t]*$/.test(rest) ? line.contentEnd : after;
    const piece: Piece = {
      lead: source.slice(boundary, element.start!),
      body: change.renamed.get(element) ?? source.slice(element.start!, element.end!),
      trail: hasComma ? source.slice(element.end!, comma) : '',
      note: source.slice(after, noteEnd),
    };
    boundary = noteEnd;
    if (change.removed.has(element)) {
      // Its comments stay where they were: before the next element, each on a line of its own.
      const comments = [commentsIn(piece.lead), commentsIn(piece.trail), commentsIn(piece.note)].filter(Boolean);
      if (comments.length > 0) carried += style.multiline ? comments.map((comment) => `${eol}${style.indent}${comment}`).join('') : ` ${comments.join(' ')}`;
      return;
    }
    pieces.push({ ...piece, lead: carried + piece.lead });
    carried = '';
  });
  let tail = carried + source.slice(boundary, close);
  const firstLead = elements.length > 0 ? /\s*$/.exec(source.slice(open + 1, elements[0]!.start!))![0] : style.multiline ? `${eol}${style.indent}` : style.padding;
  const newPiece = (text: string): Piece => ({ lead: style.multiline ? `${eol}${style.indent}` : ' ', body: text, trail: '', note: '' });
  // An element that was first and no longer is stands after a comma like the others.
  if (pieces[0] && change.prepended?.length && !style.multiline && pieces[0].lead === '') pieces[0].lead = ' ';
  pieces.unshift(...(change.prepended ?? []).map(newPiece));
  pieces.push(...change.added.map(newPiece));
  if (pieces.length === 0) return tail.trim() === '' ? '' : tail;
  // The first element of the list takes the first element's spacing after the brace.
  if (/^\s*$/.test(pieces[0]!.lead)) pieces[0]!.lead = firstLead;
  if (elements.length === 0) tail = style.multiline ? `${eol}` : style.padding;
  if (change.specifiers)
    keepInOrder(
      pieces,
      elements.map((element) => source.slice(element.start!, element.end!)),
    );
  const trailingComma = elements.length > 0 ? hadTrailingComma : style.trailingComma && style.multiline;
  return joinPieces(pieces, trailingComma) + tail;
}

/** `a`, `type a`, `a as b`, `"a-b" as c`: the name a specifier imports (or exports) and the one it binds. */
function specifierNames(text: string): { imported: string; local: string } | undefined {
  const match = /^(?:type\s+)?([\w$]+|"[^"]*"|'[^']*')(?:\s+as\s+([\w$]+|"[^"]*"|'[^']*'))?$/.exec(text.trim());
  return match ? { imported: match[1]!, local: match[2] ?? match[1]! } : undefined;
}

/** The orders a linter or a sorting plugin keeps specifiers in: by local or imported name, by code point or ignoring case. */
const SPECIFIER_ORDERS: Array<(names: { imported: string; local: string }) => string> = [
  (names) => names.local,
  (names) => names.local.toLowerCase(),
  (names) => names.imported,
  (names) => names.imported.toLowerCase(),
];

function inOrder(keys: readonly string[]): boolean {
  return keys.every((key, index) => index === 0 || keys[index - 1]! <= key);
}

/**
 * A list whose names were in one of the usual orders is put back in it once names are renamed
 * or added; a list that was not, or that holds comments (which belong to their places), is left.
 */
function keepInOrder(pieces: Piece[], original: readonly string[]): void {
  const before = original.map(specifierNames);
  const after = pieces.map((piece) => specifierNames(piece.body));
  // Two names are in some order by chance: three or more in order were put so.
  if (original.length < 3 || before.includes(undefined) || after.includes(undefined)) return;
  if (pieces.some((piece) => /\/[/*]/.test(piece.lead + piece.trail + piece.note))) return;
  const order = SPECIFIER_ORDERS.find((key) => inOrder(before.map((names) => key(names!))));
  if (!order || inOrder(after.map((names) => order(names!)))) return;
  const bodies = pieces.map((piece, index) => ({ body: piece.body, key: order(after[index]!) }));
  bodies.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  bodies.forEach((entry, index) => (pieces[index]!.body = entry.body));
}

function joinPieces(pieces: Piece[], trailingComma: boolean): string {
  return pieces.map((piece, index) => `${piece.lead}${piece.body}${piece.trail}${index < pieces.length - 1 || trailingComma ? ',' : ''}${piece.note}`).join('');
}

function commentsIn(text: string): string {
  return (text.match(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g) ?? []).join(' ');
}

function styleOfList(source: string, open: number, close: number, elements: readonly Ranged[]): ListStyle {
  const first = elements[0]!;
  const last = elements[elements.length - 1]!;
  const multiline = source.slice(open, first.start!).includes('\n');
  const indent = multiline ? /^[ \t]*/.exec(source.slice(startOfLine(source, first.start!)))![0] : '';
  return { multiline, indent, trailingComma: source[nextToken(source, last.end!)] === ',', padding: /^[ \t]*/.exec(source.slice(open + 1, close))![0] };
}

/** The indentation and trailing comma of the file's first multi-line import or export list, for a list written anew. */
export function fileListStyle(source: string): ListStyle {
  const lines = source.split(/\r?\n/);
  const opening = lines.findIndex((line, index) => /^(?:import|export)(?:\s+type)?(?:\s+[\w$]+\s*,)?\s*\{\s*$/.test(line) && /^[ \t]+\S/.test(lines[index + 1] ?? ''));
  // The braces of an import or export list (`import {`, `import a, {`, `export type {`), not an
  // object literal further along an `export const` line.
  const padding = /(?:^|\n)[ \t]*(?:import|export)(?:\s+type)?(?:\s+[\w$]+\s*,)?\s*\{(\s?)\S/.exec(source)?.[1] ?? ' ';
  if (opening !== -1) {
    const closing = lines.findIndex((line, index) => index > opening && /^\s*\}/.test(line));
    return { multiline: false, indent: /^[ \t]+/.exec(lines[opening + 1]!)![0], trailingComma: closing === -1 || /,\s*$/.test(lines[closing - 1]!), padding };
  }
  // The first indented line of code (not the stars of a block comment).
  const indented = lines.map((line) => /^([ \t]+)(?![*/])\S/.exec(line)?.[1]).find((indent) => indent !== undefined);
  return { multiline: false, indent: indented ?? '  ', trailingComma: true, padding };
}

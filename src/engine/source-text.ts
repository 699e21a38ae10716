// What must survive a rewrite byte for byte but is not code: a BOM, a shebang line, and the
// file's line terminators (new lines recast prints must match the file's CRLF or LF).
import { diffArrays } from 'diff';

export interface SourceEnvelope {
  bom: string;
  shebang: string;
  lineTerminator: '\r\n' | '\n';
  /** The quote the file writes module paths with, for the literals recast prints anew. */
  quote: 'single' | 'double';
  /** False for files that end their import statements without a semicolon (recast always adds one). */
  semicolons: boolean;
  /** True when U+2028/U+2029 in the body stand in as private-use characters (see SEPARATORS). */
  hidesSeparators: boolean;
  /** The text handed to the parser. */
  body: string;
}

/** The last line of an import, export-from or require statement. */
const MODULE_STATEMENT_END = /^.*(?:\bfrom\s*['"][^'"\n]*['"]|^\s*import\s*['"][^'"\n]*['"]|\brequire\(\s*['"][^'"\n]*['"]\s*\)[\w.]*)[ \t]*;?[ \t]*$/gm;
/** The same test for one line (a global regex keeps state between `test` calls). */
const IS_MODULE_STATEMENT_END = new RegExp(MODULE_STATEMENT_END.source);

// recast splits lines at U+2028 and U+2029 too, which breaks a string that holds one; they stand
// in as private-use characters of the same length while the text is parsed and printed.
const SEPARATORS: Array<[string, string]> = [
  ['\u2028', '\uE028'],
  ['\u2029', '\uE029'],
];

export function openSource(text: string): SourceEnvelope {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let rest = bom ? text.slice(1) : text;
  const hidesSeparators = SEPARATORS.some(([separator]) => rest.includes(separator)) && !SEPARATORS.some(([, standIn]) => rest.includes(standIn));
  if (hidesSeparators) for (const [separator, standIn] of SEPARATORS) rest = rest.split(separator).join(standIn);
  let shebang = '';
  if (rest.startsWith('#!')) {
    const end = rest.indexOf('\n');
    shebang = end === -1 ? rest : rest.slice(0, end + 1);
    // Keep the line count so reported locations match the file.
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  // The style is read only for a file that recast prints: most files are only parsed.
  let style: PrintStyle | undefined;
  const styleOf = (): PrintStyle => (style ??= readPrintStyle(rest));
  return {
    bom,
    shebang,
    hidesSeparators,
    body: rest,
    get lineTerminator() {
      return styleOf().lineTerminator;
    },
    get quote() {
      return styleOf().quote;
    },
    get semicolons() {
      return styleOf().semicolons;
    },
  };
}

type PrintStyle = Pick<SourceEnvelope, 'lineTerminator' | 'quote' | 'semicolons'>;

function readPrintStyle(body: string): PrintStyle {
  const crlf = (body.match(/\r\n/g) ?? []).length;
  const lf = (body.match(/\n/g) ?? []).length - crlf;
  const firstPath = body.match(/(?:\bfrom|\brequire\(|\bimport\(?|\bmock\()\s*(['"])/);
  const moduleLines = body.match(MODULE_STATEMENT_END) ?? [];
  const withSemicolon = moduleLines.filter((line) => line.trimEnd().endsWith(';')).length;
  return {
    lineTerminator: crlf > lf ? '\r\n' : '\n',
    quote: firstPath?.[1] === '"' ? 'double' : 'single',
    semicolons: moduleLines.length === 0 || withSemicolon * 2 >= moduleLines.length,
  };
}

/** Original line ranges (1-based, inclusive, in the parsed body) a transform changed. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * Fits recast's output back onto the original text. recast prints every line with one
 * terminator and now and then reprints code nobody touched (a `return` holding a regex literal
 * gains a semicolon). So: lines that did not change keep their own bytes and ending; a changed
 * stretch is taken from recast only where it overlaps what the transform touched, and is
 * otherwise put back as it was. Untouched code is byte-identical by construction.
 */
export function reconcileLines(original: string, printed: string, touched: readonly LineRange[], style: Pick<SourceEnvelope, 'lineTerminator' | 'semicolons'>): string {
  const usual = style.lineTerminator;
  const restyle = (text: string): string => (style.semicolons || !IS_MODULE_STATEMENT_END.test(text) ? text : text.replace(/;(\s*)$/, '$1'));
  const before = splitLines(original);
  const after = splitLines(printed);
  const parts: string[] = [];
  let line = 0;
  for (const chunk of chunksOf(
    before.map((item) => item.text),
    after.map((item) => item.text),
  )) {
    if (chunk.kind === 'same') {
      for (const text of chunk.lines) parts.push(text + before[line++]!.ending);
      continue;
    }
    const first = line + 1;
    const last = line + chunk.removed.length;
    const isTouched = touched.some((range) => (chunk.removed.length > 0 ? range.start <= last && range.end >= first : range.start <= first && range.end >= first - 1));
    if (isTouched) {
      const lines = tidyHunk(chunk.removed, chunk.added);
      const endings = hunkEndings(
        before.slice(line, line + chunk.removed.length).map((item) => item.ending),
        before[line - 1]?.ending,
        lines.length,
        usual,
      );
      lines.forEach((text, index) => parts.push(restyle(text) + endings[index]!));
      line += chunk.removed.length;
    } else {
      for (const text of chunk.removed) parts.push(text + before[line++]!.ending);
    }
  }
  const result = parts.join('');
  // The last line keeps the original's choice of a final newline.
  const endsWithNewline = /\n$/.test(printed);
  return endsWithNewline || !/\r?\n$/.test(result) ? result : result.replace(/\r?\n$/, '');
}

/**
 * The endings of a rewritten stretch, so a file mixing CRLF and LF keeps each line's own: line
 * for line when the count is kept, else the one ending the replaced lines share (or, for an
 * insertion, the line above's), else the file's usual one. Only the file's last line may lack one.
 */
function hunkEndings(removed: readonly string[], above: string | undefined, count: number, usual: string): string[] {
  const shared = removed.length > 0 ? (removed.every((ending) => ending === removed[0]) ? removed[0]! : usual) : above || usual;
  return Array.from({ length: count }, (_, index) => {
    const ending = removed.length === count ? removed[index]! : shared;
    return ending === '' && index < count - 1 ? usual : ending;
  });
}

/**
 * recast's reprints add what the file did not have: a semicolon at the end of a statement whose
 * line had none, blank lines around an inserted statement. A line that replaces one line keeps
 * that line's (missing) semicolon; blank lines beyond those the hunk had are dropped.
 */
function tidyHunk(removed: string[], added: string[]): string[] {
  let lines = added;
  if (removed.length === added.length) {
    lines = added.map((text, index) => {
      const before = removed[index]!;
      const semicolonAdded = /;\s*(\/\/.*)?$/.test(text) && !/;\s*(\/\/.*)?$/.test(before);
      return semicolonAdded ? text.replace(/;(\s*(\/\/.*)?)$/, '$1') : text;
    });
  }
  let extraBlanks = lines.filter((text) => text.trim() === '').length - removed.filter((text) => text.trim() === '').length;
  return extraBlanks > 0 ? lines.filter((text) => text.trim() !== '' || extraBlanks-- <= 0) : lines;
}

type Chunk = { kind: 'same'; lines: string[] } | { kind: 'changed'; removed: string[]; added: string[] };

/** Line diff as unchanged runs and changed hunks; hunks only blank lines apart count as one. */
function chunksOf(before: string[], after: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const change of diffArrays(before, after)) {
    const previous = chunks[chunks.length - 1];
    if (!change.added && !change.removed) {
      chunks.push({ kind: 'same', lines: change.value });
    } else if (previous?.kind === 'changed') {
      (change.added ? previous.added : previous.removed).push(...change.value);
    } else {
      chunks.push({ kind: 'changed', removed: change.removed ? [...change.value] : [], added: change.added ? [...change.value] : [] });
    }
  }
  // Merge hunk, blank lines, hunk: recast separates inserted statements with a blank line.
  const merged: Chunk[] = [];
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index]!;
    const previous = merged[merged.length - 1];
    const next = chunks[index + 1];
    if (chunk.kind === 'same' && previous?.kind === 'changed' && next?.kind === 'changed' && chunk.lines.length <= 2 && chunk.lines.every((text) => text.trim() === '')) {
      previous.removed.push(...chunk.lines, ...next.removed);
      previous.added.push(...chunk.lines, ...next.added);
      index++;
      continue;
    }
    merged.push(chunk);
  }
  return merged;
}

function splitLines(text: string): Array<{ text: string; ending: string }> {
  const lines: Array<{ text: string; ending: string }> = [];
  const pattern = /([^\r\n]*)(\r\n|\n|$)/g;
  for (let match = pattern.exec(text); match && match.index < text.length; match = pattern.exec(text)) {
    lines.push({ text: match[1]!, ending: match[2]! });
    if (match[2] === '') break;
  }
  return lines;
}

export function closeSource(envelope: SourceEnvelope, body: string): string {
  let text = body;
  if (envelope.hidesSeparators) for (const [separator, standIn] of SEPARATORS) text = text.split(standIn).join(separator);
  return envelope.bom + envelope.shebang + text;
}

/** Lines the shebang took off the top, to add back to reported line numbers. */
export function lineOffset(envelope: SourceEnvelope): number {
  return envelope.shebang ? 1 : 0;
}

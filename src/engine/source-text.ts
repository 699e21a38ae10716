// What must survive a rewrite byte for byte but is not code: a BOM, a shebang line, and the
// file's line terminators (new lines recast prints must match the file's CRLF or LF).
import { diffArrays } from 'diff';

export interface SourceEnvelope {
  bom: string;
  shebang: string;
  lineTerminator: '\r\n' | '\n';
  /** Both CRLF and lone LF occur: each untouched line must keep its own ending. */
  mixedLineEndings: boolean;
  /** The quote the file writes module paths with, for the literals recast prints anew. */
  quote: 'single' | 'double';
  /** The text handed to the parser. */
  body: string;
}

export function openSource(text: string): SourceEnvelope {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let rest = bom ? text.slice(1) : text;
  let shebang = '';
  if (rest.startsWith('#!')) {
    const end = rest.indexOf('\n');
    shebang = end === -1 ? rest : rest.slice(0, end + 1);
    // Keep the line count so reported locations match the file.
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  const crlf = (rest.match(/\r\n/g) ?? []).length;
  const lf = (rest.match(/\n/g) ?? []).length - crlf;
  const firstPath = rest.match(/(?:\bfrom|\brequire\(|\bimport\(?|\bmock\()\s*(['"])/);
  const quote = firstPath?.[1] === '"' ? 'double' : 'single';
  return { bom, shebang, lineTerminator: crlf > lf ? '\r\n' : '\n', mixedLineEndings: crlf > 0 && lf > 0, quote, body: rest };
}

/**
 * recast prints every line with one terminator. In a file with mixed endings, lines that did not
 * change get their own ending back; new lines get the file's usual one.
 */
export function restoreLineEndings(original: string, printed: string, usual: '\r\n' | '\n'): string {
  const before = splitLines(original);
  const after = splitLines(printed);
  const parts: string[] = [];
  let index = 0;
  for (const change of diffArrays(before.map((line) => line.text), after.map((line) => line.text))) {
    for (let count = 0; count < change.value.length; count++) {
      if (change.removed) {
        index++;
        continue;
      }
      const text = change.value[count]!;
      if (!change.added) {
        parts.push(text + before[index]!.ending);
        index++;
      } else {
        parts.push(text + usual);
      }
    }
  }
  // A printed file without a final newline must not gain one.
  const result = parts.join('');
  return printed.endsWith('\n') ? result : result.replace(/\r?\n$/, '');
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
  return envelope.bom + envelope.shebang + body;
}

/** Lines the shebang took off the top, to add back to reported line numbers. */
export function lineOffset(envelope: SourceEnvelope): number {
  return envelope.shebang ? 1 : 0;
}

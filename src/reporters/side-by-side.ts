// A hunk laid out side by side: context lines sit on both sides, and in every run of changes the
// n-th removed line is paired with the n-th added line, so an edited line reads across one row.
import type { DiffHunk } from '../result/file-diff.js';

/** One line of one side, with its line number in that side's file. */
export interface NumberedLine {
  number: number;
  /** The line without its end of line; a CRLF file's `\r` is taken off and noted below. */
  text: string;
  carriageReturn: boolean;
  /** The diff said `\ No newline at end of file` after this line. */
  noNewlineAtEnd: boolean;
}

/**
 * A context row has the same line on both sides. A change row has a removed line, an added
 * line, or both when they were paired; the missing side is where the other file has nothing.
 */
export type SideBySideRow = { kind: 'context'; old: NumberedLine; new: NumberedLine } | { kind: 'change'; old?: NumberedLine; new?: NumberedLine };

export function sideBySide(hunk: DiffHunk): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let oldNumber = hunk.oldStart;
  let newNumber = hunk.newStart;
  // The run of changes not yet paired, and the lines a `\ No newline` marker refers to.
  let removed: NumberedLine[] = [];
  let added: NumberedLine[] = [];
  let last: NumberedLine[] = [];
  const flush = (): void => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      const row: SideBySideRow = { kind: 'change' };
      if (removed[index]) row.old = removed[index];
      if (added[index]) row.new = added[index];
      rows.push(row);
    }
    removed = [];
    added = [];
  };
  for (const line of hunk.lines) {
    const marker = line[0];
    const body = line.slice(1);
    if (marker === '\\') {
      for (const line of last) line.noNewlineAtEnd = true;
    } else if (marker === '-') {
      last = [numbered(oldNumber++, body)];
      removed.push(last[0]!);
    } else if (marker === '+') {
      last = [numbered(newNumber++, body)];
      added.push(last[0]!);
    } else {
      flush();
      last = [numbered(oldNumber++, body), numbered(newNumber++, body)];
      rows.push({ kind: 'context', old: last[0]!, new: last[1]! });
    }
  }
  flush();
  return rows;
}

function numbered(number: number, body: string): NumberedLine {
  const carriageReturn = body.endsWith('\r');
  return { number, text: carriageReturn ? body.slice(0, -1) : body, carriageReturn, noNewlineAtEnd: false };
}

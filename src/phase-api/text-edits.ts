// How a phase changes a file: text ranges of the original replaced, in the manner of
// magic-string. Every byte outside an edit stays as it was by construction, so comments,
// quotes, wrapping and line endings nobody touched cannot drift.

/** One replacement of `source.slice(start, end)`; an insertion when start equals end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Raised when two edits claim the same bytes: a bug in the phase, never resolved by guessing. */
export class OverlappingEditsError extends Error {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(`overlapping edits: [${first.start}, ${first.end}) and [${second.start}, ${second.end})`);
    this.name = 'OverlappingEditsError';
  }
}

/** The edits a phase records against one file's original text. */
export class TextEdits {
  private readonly recorded: TextEdit[] = [];

  constructor(readonly source: string) {}

  /** Replaces `source.slice(start, end)` with `text`. */
  replace(start: number, end: number, text: string): void {
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= this.source.length)) {
      throw new RangeError(`edit [${start}, ${end}) is outside the text (0..${this.source.length})`);
    }
    if (start === end && text === '') return;
    this.recorded.push({ start, end, text });
  }

  /** Puts `text` at `offset`. Insertions at one offset keep the order they were made in. */
  insert(offset: number, text: string): void {
    this.replace(offset, offset, text);
  }

  remove(start: number, end: number): void {
    this.replace(start, end, '');
  }

  get size(): number {
    return this.recorded.length;
  }

  /** The edits in text order (insertions at one offset in the order they were made). */
  list(): readonly TextEdit[] {
    return sortedEdits(this.recorded);
  }

  /** The source with every edit applied; overlapping edits throw `OverlappingEditsError`. */
  apply(): string {
    return applyEdits(this.source, this.recorded);
  }
}

/**
 * Applies edits to `source`. Two edits overlap when they share a byte, or when one inserts
 * strictly inside the range the other replaces; both are refused.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = sortedEdits(edits);
  const parts: string[] = [];
  let position = 0;
  let previous: TextEdit | undefined;
  for (const edit of sorted) {
    if (previous && edit.start < previous.end) throw new OverlappingEditsError(previous, edit);
    parts.push(source.slice(position, edit.start), edit.text);
    position = edit.end;
    previous = edit;
  }
  parts.push(source.slice(position));
  return parts.join('');
}

function sortedEdits(edits: readonly TextEdit[]): TextEdit[] {
  // Insertions before replacements that start at the same offset; the sort is stable, so
  // insertions keep their recorded order.
  return [...edits].sort((a, b) => a.start - b.start || (a.start === a.end ? 0 : 1) - (b.start === b.end ? 0 : 1));
}

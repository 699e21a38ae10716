// Reads the git-style unified diffs of a result back into rows for a side-by-side view: each
// hunk's context lines sit on both sides, and in every run of changes the n-th removed line is
// paired with the n-th added line, so an edited line reads across one row.

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
export type SideBySideRow =
  | { kind: 'context'; old: NumberedLine; new: NumberedLine }
  | { kind: 'change'; old?: NumberedLine; new?: NumberedLine };

export interface DiffHunk {
  /** The `@@ -a,b +c,d @@` line as written. */
  header: string;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  rows: SideBySideRow[];
}

export interface FileDiff {
  /** Path after `a/`, or undefined for a created file (`/dev/null`). */
  oldPath: string | undefined;
  /** Path after `b/`, or undefined for a deleted file (`/dev/null`). */
  newPath: string | undefined;
  hunks: DiffHunk[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Every file section of a patch (`diff --git` … up to the next one), in order. */
export function parseUnifiedDiff(patch: string): FileDiff[] {
  const files: FileDiff[] = [];
  let file: FileDiff | undefined;
  let hunk: HunkBuilder | undefined;
  for (const line of patch.split('\n')) {
    // The header counts say where a hunk ends: a body line such as `--- x` or `diff --git` inside
    // a file's text must not be read as the start of something else.
    if (hunk && !hunk.complete()) {
      hunk.add(line);
      continue;
    }
    if (hunk && line.startsWith('\\')) {
      hunk.add(line);
      continue;
    }
    if (hunk) {
      file!.hunks.push(hunk.finish());
      hunk = undefined;
    }
    if (line.startsWith('diff --git ')) {
      file = { oldPath: undefined, newPath: undefined, hunks: [] };
      files.push(file);
    } else if (line.startsWith('--- ')) {
      file = file ?? pushed(files, { oldPath: undefined, newPath: undefined, hunks: [] });
      file.oldPath = pathOf(line.slice(4), 'a/');
    } else if (line.startsWith('+++ ')) {
      file = file ?? pushed(files, { oldPath: undefined, newPath: undefined, hunks: [] });
      file.newPath = pathOf(line.slice(4), 'b/');
    } else {
      const header = HUNK_HEADER.exec(line);
      if (header && file) hunk = new HunkBuilder(line, header);
    }
  }
  if (hunk) file!.hunks.push(hunk.finish());
  return files;
}

function pushed<T>(list: T[], item: T): T {
  list.push(item);
  return item;
}

function pathOf(name: string, prefix: string): string | undefined {
  const path = name.split('\t')[0]!;
  if (path === '/dev/null') return undefined;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

class HunkBuilder {
  private readonly hunk: DiffHunk;
  private oldNumber: number;
  private newNumber: number;
  private oldLeft: number;
  private newLeft: number;
  // The run of changes not yet paired, and the lines a `\ No newline` marker would refer to.
  private removed: NumberedLine[] = [];
  private added: NumberedLine[] = [];
  private lastLines: NumberedLine[] = [];

  constructor(header: string, match: RegExpExecArray) {
    const oldLines = match[2] === undefined ? 1 : Number(match[2]);
    const newLines = match[4] === undefined ? 1 : Number(match[4]);
    this.hunk = { header, oldStart: Number(match[1]), oldLines, newStart: Number(match[3]), newLines, rows: [] };
    // An empty side is written as the line before it (`-0,0`, `+12,0`): its first line would be one later.
    this.oldNumber = oldLines === 0 ? this.hunk.oldStart + 1 : this.hunk.oldStart;
    this.newNumber = newLines === 0 ? this.hunk.newStart + 1 : this.hunk.newStart;
    this.oldLeft = oldLines;
    this.newLeft = newLines;
  }

  complete(): boolean {
    return this.oldLeft <= 0 && this.newLeft <= 0;
  }

  add(line: string): void {
    const marker = line[0];
    if (marker === '\\') {
      for (const last of this.lastLines) last.noNewlineAtEnd = true;
      return;
    }
    const body = line.slice(1);
    if (marker === '-') {
      const old = numbered(this.oldNumber++, body);
      this.oldLeft--;
      this.removed.push(old);
      this.lastLines = [old];
    } else if (marker === '+') {
      const added = numbered(this.newNumber++, body);
      this.newLeft--;
      this.added.push(added);
      this.lastLines = [added];
    } else {
      // A context line; an empty line of the patch is an empty context line whose space was trimmed.
      this.flushChanges();
      const old = numbered(this.oldNumber++, body);
      const added = numbered(this.newNumber++, body);
      this.oldLeft--;
      this.newLeft--;
      this.hunk.rows.push({ kind: 'context', old, new: added });
      this.lastLines = [old, added];
    }
  }

  finish(): DiffHunk {
    this.flushChanges();
    return this.hunk;
  }

  private flushChanges(): void {
    const count = Math.max(this.removed.length, this.added.length);
    for (let index = 0; index < count; index++) {
      const row: SideBySideRow = { kind: 'change' };
      const old = this.removed[index];
      const added = this.added[index];
      if (old) row.old = old;
      if (added) row.new = added;
      this.hunk.rows.push(row);
    }
    this.removed = [];
    this.added = [];
  }
}

function numbered(number: number, body: string): NumberedLine {
  const carriageReturn = body.endsWith('\r');
  return { number, text: carriageReturn ? body.slice(0, -1) : body, carriageReturn, noNewlineAtEnd: false };
}

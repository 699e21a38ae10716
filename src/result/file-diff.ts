// A file's diff as data: the hunks of the `diff` package's structured patch. The engine builds
// them with `structuredPatch` and writes them out as a git patch (FileResult.patch, what
// --patch and JSON carry); everything that reads a diff back reads it here, with the one
// parser, `parsePatch`, so the text and the hunks can never be read two ways.
import { parsePatch, type StructuredPatchHunk } from 'diff';
import type { FileResult } from './types.js';

/**
 * One hunk: its ranges and its lines, each with its marker (' ', '-', '+', or '\' for
 * `\ No newline at end of file`). A CRLF file's lines keep their `\r`. An empty side's start is
 * the line after the gap, as `structuredPatch` gives it; the written header names the line before.
 */
export type DiffHunk = Pick<StructuredPatchHunk, 'oldStart' | 'oldLines' | 'newStart' | 'newLines' | 'lines'>;

/** One file of a patch: paths without their a/ and b/ prefixes, undefined for /dev/null. */
export interface PatchFile {
  oldPath: string | undefined;
  newPath: string | undefined;
  hunks: DiffHunk[];
}

/** The `@@ -a,b +c,d @@` line of a hunk, as git writes it. */
export function hunkHeader(hunk: DiffHunk): string {
  return `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`;
}

function range(start: number, count: number): string {
  // An empty side is written as "line,0" where line is the one before the gap (0 at the top).
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** Every file of a patch text, in order. */
export function readPatch(text: string): PatchFile[] {
  return parsePatch(text).map((file) => ({
    oldPath: pathOf(file.oldFileName, 'a/'),
    newPath: pathOf(file.newFileName, 'b/'),
    hunks: file.hunks.map(({ oldStart, oldLines, newStart, newLines, lines }) => ({ oldStart, oldLines, newStart, newLines, lines })),
  }));
}

function pathOf(name: string | undefined, prefix: string): string | undefined {
  if (name === undefined || name === '/dev/null') return undefined;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

// A result's patches are read by several reporters (file list, sections, counts): once each.
const hunksByFile = new WeakMap<FileResult, DiffHunk[]>();

/** The hunks of a file's diff; none when it has no patch. */
export function hunksOf(file: FileResult): readonly DiffHunk[] {
  let hunks = hunksByFile.get(file);
  if (!hunks) {
    hunks = file.patch ? readPatch(file.patch).flatMap((entry) => entry.hunks) : [];
    hunksByFile.set(file, hunks);
  }
  return hunks;
}

/** The hunk whose new side covers `line` (an empty new side covers the line it sits before). */
export function hunkAtLine(hunks: readonly DiffHunk[], line: number): DiffHunk | undefined {
  return hunks.find((hunk) => line >= hunk.newStart && line < hunk.newStart + Math.max(hunk.newLines, 1));
}

/** Lines added and removed. */
export function changedLineCounts(hunks: readonly DiffHunk[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of hunks.flatMap((hunk) => hunk.lines)) {
    if (line.startsWith('+')) added++;
    else if (line.startsWith('-')) removed++;
  }
  return { added, removed };
}

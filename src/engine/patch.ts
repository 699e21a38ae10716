// Unified diffs that `git apply` accepts: git-style headers, a/ and b/ prefixes, and CRLF kept
// inside the lines so a patch of a CRLF file applies to it.
import { structuredPatch } from 'diff';

export function createPatch(file: string, before: string, after: string | undefined): string {
  const deleted = after === undefined;
  const patch = structuredPatch(`a/${file}`, deleted ? '/dev/null' : `b/${file}`, before, after ?? '', '', '', { context: 3 });
  const lines = [`diff --git a/${file} b/${file}`];
  if (deleted) lines.push('deleted file mode 100644');
  lines.push(`--- a/${file}`, deleted ? '+++ /dev/null' : `+++ b/${file}`);
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`);
    lines.push(...hunk.lines);
  }
  return lines.join('\n') + '\n';
}

function range(start: number, count: number): string {
  // An empty side is written as "start,0" where start is the line before it.
  if (count === 0) return `${start === 0 ? 0 : start},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

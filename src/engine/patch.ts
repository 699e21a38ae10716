// Unified diffs that `git apply` accepts: git-style headers, a/ and b/ prefixes, and CRLF kept
// inside the lines so a patch of a CRLF file applies to it.
import { structuredPatch } from 'diff';
import { hunkHeader } from '../result/file-diff.js';

export function createPatch(file: string, before: string, after: string | undefined): string {
  const deleted = after === undefined;
  const patch = structuredPatch(`a/${file}`, deleted ? '/dev/null' : `b/${file}`, before, after ?? '', '', '', { context: 3 });
  const oldName = quotePath(`a/${file}`);
  const newName = quotePath(`b/${file}`);
  // As git does, a name with a space ends its ---/+++ line with a tab, so `patch` finds its end.
  const tab = file.includes(' ') ? '\t' : '';
  const lines = [`diff --git ${oldName} ${newName}`];
  if (deleted) lines.push('deleted file mode 100644');
  lines.push(`--- ${oldName}${tab}`, deleted ? '+++ /dev/null' : `+++ ${newName}${tab}`);
  for (const hunk of patch.hunks) {
    lines.push(hunkHeader(hunk));
    lines.push(...hunk.lines);
  }
  return lines.join('\n') + '\n';
}

// git's C-style quoting of a path (core.quotePath, the default): a name holding a control
// character, a double quote, a backslash or a non-ASCII byte is written in double quotes, with
// \t \n \" \\ and friends, and every other such byte as a three-digit octal escape.
const NAMED_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

export function quotePath(name: string): string {
  const bytes = Buffer.from(name, 'utf8');
  if (!bytes.some(needsQuoting)) return name;
  let quoted = '';
  for (const byte of bytes) {
    if (!needsQuoting(byte)) quoted += String.fromCharCode(byte);
    else quoted += NAMED_ESCAPES[byte] ?? `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `"${quoted}"`;
}

function needsQuoting(byte: number): boolean {
  return byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f;
}

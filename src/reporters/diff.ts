// Renders the patches of a run: plain for files and pipes, coloured for a terminal.
import type { FileResult, RunResult } from '../result/types.js';
import { hunkHeader, hunksOf } from '../result/file-diff.js';

export function renderDiff(result: RunResult, options: { color: boolean }): string {
  const changed = result.files.filter((file) => file.patch);
  return changed.map((file) => (options.color ? colorize(file) : file.patch!)).join('');
}

/**
 * How every patch file begins: tells a patch ssot-migrate wrote (which it may write over) from
 * anyone else's. `git apply` and `patch` skip what comes before the first `diff --git`.
 */
export const PATCH_FILE_HEADER = '# Written by ssot-migrate';

/** The patch file: a header line, then every change in file order, as `git apply` takes it. */
export function renderPatchFile(result: RunResult): string {
  const header = `${PATCH_FILE_HEADER} (run ${result.phases.join(', ')}); apply it with \`git apply\`.\n`;
  return (
    header +
    result.files
      .filter((file) => file.patch)
      .map((file) => file.patch!)
      .join('')
  );
}

// The CLI decides whether to colour (TTY, NO_COLOR, FORCE_COLOR); here colour is unconditional.
const STYLES = { bold: [1, 22], cyan: [36, 39], green: [32, 39], red: [31, 39] } as const;

function styleText(style: keyof typeof STYLES, text: string): string {
  const [open, close] = STYLES[style];
  return `\x1b[${open}m${text}\x1b[${close}m`;
}

/**
 * The patch with its file header bold, hunk headers cyan, removed lines red and added ones green.
 * The hunks say which line is which, so a removed line reading `-- x` is red, not a header.
 */
function colorize(file: FileResult): string {
  const hunks = hunksOf(file);
  const lines = file.patch!.split('\n');
  const bodyLines = hunks.reduce((sum, hunk) => sum + 1 + hunk.lines.length, 0);
  const header = lines.slice(0, lines.length - 1 - bodyLines).map((line) => styleText('bold', line));
  const body = hunks.flatMap((hunk) => [
    styleText('cyan', hunkHeader(hunk)),
    ...hunk.lines.map((line) => (line.startsWith('+') ? styleText('green', line) : line.startsWith('-') ? styleText('red', line) : line)),
  ]);
  return [...header, ...body].join('\n') + '\n';
}

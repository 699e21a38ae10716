// Renders the patches of a run: plain for files and pipes, coloured for a terminal.
import type { RunResult } from '../result/types.js';

export function renderDiff(result: RunResult, options: { color: boolean }): string {
  const patches = result.files.filter((file) => file.patch).map((file) => file.patch!);
  const text = patches.join('');
  return options.color ? colorize(text) : text;
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

function colorize(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('diff --git') || line.startsWith('--- ') || line.startsWith('+++ ')) return styleText('bold', line);
      if (line.startsWith('@@')) return styleText('cyan', line);
      if (line.startsWith('+')) return styleText('green', line);
      if (line.startsWith('-')) return styleText('red', line);
      return line;
    })
    .join('\n');
}

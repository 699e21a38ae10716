// Renders the patches of a run: plain for files and pipes, coloured for a terminal.
import { styleText } from 'node:util';
import type { RunResult } from '../result/types.js';

export function renderDiff(result: RunResult, options: { color: boolean }): string {
  const patches = result.files.filter((file) => file.patch).map((file) => file.patch!);
  const text = patches.join('');
  return options.color ? colorize(text) : text;
}

/** The patch file: every change, in file order, as `git apply` takes it. */
export function renderPatchFile(result: RunResult): string {
  return result.files
    .filter((file) => file.patch)
    .map((file) => file.patch!)
    .join('');
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

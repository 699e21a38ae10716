// `ssot-migrate undo`: restores the files of the newest --write run exactly, from its journal.
import path from 'node:path';
import { undoLast } from '../../engine/journal.js';
import { EXIT } from '../../errors.js';
import type { CliIo } from '../io.js';
import { removeLeftovers } from '../interrupted-writes.js';

export interface UndoOptions {
  repo?: string;
  /** Restore even when the run's changes are part of a commit made since. */
  force?: boolean;
}

export function undoCommand(options: UndoOptions, io: CliIo): number {
  const repoRoot = path.resolve(io.cwd, options.repo ?? '.');
  removeLeftovers(repoRoot, io);
  const outcome = undoLast(repoRoot, { force: options.force ?? false });
  if (!outcome) {
    io.stdout.write('Nothing to undo: no --write run is recorded.\n');
    return EXIT.clean;
  }
  const { journal, restored } = outcome;
  if (journal.entries.length === 0) {
    io.stdout.write(`Nothing to undo: the last --write (${journal.phase}, ${journal.time}) changed no file.\n`);
    return EXIT.clean;
  }
  io.stdout.write(`Undid ${journal.phase} (${journal.time}${journal.state === 'writing' ? ', an interrupted run' : ''}): ${restored.length} file${restored.length === 1 ? '' : 's'} restored\n`);
  for (const file of restored) io.stdout.write(`  ${file}\n`);
  return EXIT.clean;
}

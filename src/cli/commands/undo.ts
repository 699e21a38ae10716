// `ssot-migrate undo`: restores the files of the newest --write run exactly, from its journal.
import path from 'node:path';
import { undoLast } from '../../engine/journal.js';
import { EXIT } from '../../errors.js';
import type { CliIo } from '../io.js';

export function undoCommand(options: { repo?: string }, io: CliIo): number {
  const repoRoot = path.resolve(io.cwd, options.repo ?? '.');
  const outcome = undoLast(repoRoot);
  if (!outcome) {
    io.stdout.write('Nothing to undo: no --write run is recorded in .ssot/journal.\n');
    return EXIT.clean;
  }
  const { journal, restored } = outcome;
  io.stdout.write(`Undid ${journal.phase} (${journal.time}${journal.state === 'writing' ? ', an interrupted run' : ''}): ${restored.length} file${restored.length === 1 ? '' : 's'} restored\n`);
  for (const file of restored) io.stdout.write(`  ${file}\n`);
  return EXIT.clean;
}

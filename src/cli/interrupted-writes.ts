// A --write that is interrupted leaves nothing behind. Ctrl-C or SIGTERM while the new texts are
// staged: the engine stops, removes its temp files, and the command exits as the signal asks.
// Once the renames begin, signals are no longer caught: the process ends at once, each file old
// or new, and `undo` replays the journal. A SIGKILL cannot be caught at all: the next `run` or
// `undo` removes the temp files it left.
import fs from 'node:fs';
import { removeLeftoverTemporaryFiles } from '../engine/atomic-file.js';
import { writeResultsInterruptibly, type WriteOutcome } from '../engine/write-files.js';
import type { FileResult, PhaseId } from '../result/types.js';
import type { CliIo } from './io.js';

const CAUGHT_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * A test hook: with this set to a file name, staging pauses after its first file, creates that
 * file, and waits for a signal, so a test can interrupt staging without racing it.
 */
const PAUSE_STAGING_VARIABLE = 'SSOT_MIGRATE_PAUSE_STAGING';

/** Writes the run's changed files, catching SIGINT and SIGTERM for as long as staging lasts. */
export async function writeInterruptibly(repoRoot: string, files: readonly FileResult[], phase: PhaseId, io: CliIo): Promise<WriteOutcome> {
  const controller = new AbortController();
  const handlers = CAUGHT_SIGNALS.map((name) => [name, () => controller.abort(name)] as const);
  for (const [name, handler] of handlers) process.on(name, handler);
  const release = (): void => {
    for (const [name, handler] of handlers) process.off(name, handler);
  };
  const marker = io.env[PAUSE_STAGING_VARIABLE];
  try {
    return await writeResultsInterruptibly(repoRoot, files, {
      journal: { phase, now: new Date() },
      signal: controller.signal,
      beforeRenames: release,
      ...(marker ? { afterStaging: (staged: number) => (staged === 1 ? pauseUntilAborted(marker, controller.signal) : undefined) } : {}),
    });
  } finally {
    release();
  }
}

function pauseUntilAborted(marker: string, signal: AbortSignal): Promise<void> {
  fs.writeFileSync(marker, '');
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    // A pending promise alone would let the process exit: the timer keeps it waiting.
    const keepAlive = setInterval(() => undefined, 60_000);
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(keepAlive);
        resolve();
      },
      { once: true },
    );
  });
}

/** Removes the temp files of a write killed outright, and says which on stderr. */
export function removeLeftovers(repoRoot: string, io: CliIo): void {
  const removed = removeLeftoverTemporaryFiles(repoRoot);
  if (removed.length === 0) return;
  io.stderr.write(`ssot-migrate: removed ${removed.length} temp file${removed.length === 1 ? '' : 's'} left by an interrupted write: ${removed.join(', ')}\n`);
}

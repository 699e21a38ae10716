// Read-only files are the user's decision: a run leaves them out before anything is shown, so the
// dry-run diff, the counts and the write all agree that they were not changed.
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult, RunResult } from '../result/types.js';

/** Judged by the mode bits, so a read-only file stays so even for root. */
export function isReadOnly(absolutePath: string): boolean {
  return (fs.lstatSync(absolutePath).mode & 0o222) === 0;
}

/**
 * Turns the changes of read-only files into skipped files that keep their violations. If one was
 * held back, the run's deletions are held back too: a file left as it was may still import them.
 */
export function holdBackReadOnly(repoRoot: string, result: RunResult): string[] {
  const readOnly = result.files.filter((file) => (file.status === 'changed' || file.status === 'deleted') && isReadOnly(path.join(repoRoot, file.file))).map((file) => file.file);
  if (readOnly.length === 0) return [];
  const held = new Set(readOnly);
  result.files = result.files.map((file): FileResult => {
    if (held.has(file.file)) return unchangedWith(file, `${file.file}: read-only; not written`);
    if (file.status === 'deleted') return unchangedWith(file, `${file.file}: not deleted, because ${readOnly.join(', ')} could not be rewritten (read-only)`);
    return file;
  });
  return readOnly;
}

function unchangedWith(file: FileResult, error: string): FileResult {
  const { patch: _patch, newText: _newText, ...rest } = file;
  return { ...rest, status: 'skipped', findingsAfter: file.findingsBefore, error };
}

// `scan --record`: one history line per scan, with the time and the repo's commit.
import path from 'node:path';
import { headCommit } from '../engine/git-tree.js';
import { appendRecord, DEFAULT_HISTORY_FILE, recordFrom } from '../history/history.js';
import type { RunResult } from '../result/types.js';

/** Appends the scan to `given` (or the default history file); returns the file's path. */
export function recordScan(repoRoot: string, given: string, result: RunResult): string {
  const file = given || path.join(repoRoot, DEFAULT_HISTORY_FILE);
  appendRecord(file, recordFrom(result, { time: new Date(), commit: headCommit(repoRoot) }));
  return file;
}

// --shard, --changed-since and --jobs, turned into what the engine takes: the one place both
// commands get their file selection (and how it is spread over threads) from.
import { filesChangedSince } from '../engine/git-tree.js';
import { parseShard, type Shard } from '../engine/shard.js';
import { SsotError } from '../errors.js';

export interface SelectionOptions {
  /** INDEX/COUNT. */
  shard?: string;
  /** A git ref. */
  changedSince?: string;
  /** Worker threads. */
  jobs?: number;
}

export function engineSelection(options: SelectionOptions, repoRoot: string): { shard?: Shard; only?: ReadonlySet<string>; jobs?: number } {
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) {
    throw new SsotError('JOBS_INVALID', `--jobs ${options.jobs}: expected a whole number of threads, 1 or more`);
  }
  return {
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.shard ? { shard: parseShard(options.shard) } : {}),
    ...(options.changedSince ? { only: filesChangedSince(repoRoot, options.changedSince) } : {}),
  };
}

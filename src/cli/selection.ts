// --shard and --changed-since, turned into what the engine takes: the one place both commands
// get their file selection from.
import { filesChangedSince } from '../engine/git-tree.js';
import { parseShard, type Shard } from '../engine/shard.js';

export interface SelectionOptions {
  /** INDEX/COUNT. */
  shard?: string;
  /** A git ref. */
  changedSince?: string;
}

export function engineSelection(options: SelectionOptions, repoRoot: string): { shard?: Shard; only?: ReadonlySet<string> } {
  return {
    ...(options.shard ? { shard: parseShard(options.shard) } : {}),
    ...(options.changedSince ? { only: filesChangedSince(repoRoot, options.changedSince) } : {}),
  };
}

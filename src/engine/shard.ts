// Deterministic sharding of a run's files, for CI matrices: a file's shard depends on its path
// alone, so adding a file never moves the others between shards.
import { SsotError } from '../errors.js';
import type { Shard } from '../result/types.js';

export type { Shard };

/** "2/4" → { index: 2, count: 4 }. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new SsotError('SHARD_INVALID', `--shard ${text}: expected INDEX/COUNT with 1 <= INDEX <= COUNT`);
  return { index, count };
}

function inShard(file: string, shard: Shard): boolean {
  return fnv1a(file) % shard.count === shard.index - 1;
}

/** Whether a run limited to `shard` and to the files `only` (`--changed-since`) reads `file`. */
export function inSelection(file: string, selection: { shard?: Shard; only?: ReadonlySet<string> }): boolean {
  return (!selection.shard || inShard(file, selection.shard)) && (!selection.only || selection.only.has(file));
}

/** FNV-1a, 32 bits: fast, stable across platforms and Node versions, spreads paths well. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

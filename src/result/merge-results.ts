// Puts the results of the shards of one scan or run back together: the same result an
// unsharded run gives (files in path order, counts summed), or an error naming what is missing.
import type { FileResult, RunResult } from './types.js';

export interface ShardResult {
  /** Where this result came from (a file name), for errors. */
  source: string;
  result: RunResult;
}

export function mergeResults(parts: readonly ShardResult[]): RunResult {
  const first = parts[0];
  if (!first) throw new Error('no results to merge');
  const count = first.result.shard?.count;
  const seen = new Map<number, string>();
  for (const { source, result } of parts) {
    if (!result.shard) throw new Error(`${source}: not the result of a sharded run (no "shard"); run with --shard INDEX/COUNT`);
    if (result.shard.count !== count) throw new Error(`${source}: shard ${result.shard.index}/${result.shard.count} does not belong with ${first.source}'s ${first.result.shard!.index}/${count}`);
    if (result.command !== first.result.command || result.phases.join() !== first.result.phases.join()) {
      throw new Error(`${source}: a ${result.command} of ${result.phases.join(', ')}, but ${first.source} is a ${first.result.command} of ${first.result.phases.join(', ')}`);
    }
    if (result.shard.scope !== first.result.shard!.scope) {
      throw new Error(`${source}: shard ${result.shard.index}/${count} ran with another config or on another set of files than ${first.source}; merge the shards of one run`);
    }
    const twin = seen.get(result.shard.index);
    if (twin) throw new Error(`${source}: shard ${result.shard.index}/${count} is given twice (also ${twin})`);
    seen.set(result.shard.index, source);
  }
  const missing = Array.from({ length: count! }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new Error(`shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing: merge needs every shard of the run`);

  const files: FileResult[] = parts.flatMap(({ result }) => result.files).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    command: first.result.command,
    phases: first.result.phases,
    repo: first.result.repo,
    files,
    filesScanned: parts.reduce((sum, { result }) => sum + result.filesScanned, 0),
    filesParsed: parts.reduce((sum, { result }) => sum + result.filesParsed, 0),
    // Every shard reads the whole scope for its notices: one shard's are the run's.
    ...(first.result.notices ? { notices: first.result.notices } : {}),
  };
}

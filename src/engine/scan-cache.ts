// Per-file scan results by content hash, in .ssot/cache/: a scan after a few edits still reads
// every file (to hash it) but parses and analyses only the files that changed. A file's result
// depends on more than its own text, so the cache is dropped whole when anything else a phase
// read may have changed: the tool, the config, the set of files, or any file the phases read
// while preparing, detecting or type-checking (the canonical module, barrels, type sources).
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult } from '../result/types.js';
import { contentHash, writeAtomically } from './atomic-file.js';

const CACHE_FOLDER = '.ssot/cache';
const FORMAT = 1;

interface CacheData {
  format: number;
  key: string;
  /** Every file of the scan with the hash of its text ('' when unreadable). */
  hashes: Record<string, string>;
  /** Files the phases read beyond the one they were looking at, with their hashes. */
  dependencies: Record<string, string>;
  /** The files the phases' cross-file state was built from (see Phase.stateSources). */
  stateSources: string[];
  /** What processing each file gave, for the files that gave something. */
  results: Record<string, CachedOutcome>;
}

/** A file's result (when it had one) and whether it was parsed, as the engine produced them. */
export interface CachedOutcome {
  parsed: boolean;
  file?: FileResult;
}

export function textHash(text: string | undefined): string {
  return text === undefined ? '' : contentHash(text);
}

export class ScanCache {
  private readonly file: string;
  private readonly previous: CacheData | undefined;

  /** `key` names everything a result depends on besides the files: tool build, config, phases. */
  constructor(repoRoot: string, readonly key: string) {
    this.file = path.join(repoRoot, CACHE_FOLDER, 'scan.json');
    this.previous = readCache(this.file, key);
  }

  /**
   * The cached outcomes that still hold for files whose hash is unchanged, or an empty map when
   * the cache cannot be trusted. `hashOf` gives a file's current hash.
   */
  reusable(files: readonly string[], stateSources: readonly string[], hashOf: (file: string) => string): Map<string, CachedOutcome> {
    const reuse = new Map<string, CachedOutcome>();
    const previous = this.previous;
    if (!previous || previous.stateSources.join('\0') !== stateSources.join('\0')) return reuse;
    const before = Object.keys(previous.hashes);
    if (before.length !== files.length || files.some((file) => previous.hashes[file] === undefined)) return reuse;
    if (Object.entries(previous.dependencies).some(([file, hash]) => hashOf(file) !== hash)) return reuse;
    for (const file of files) {
      if (previous.hashes[file] === hashOf(file)) reuse.set(file, previous.results[file] ?? { parsed: false });
    }
    return reuse;
  }

  /** What the reused results depended on: still dependencies of the new cache. */
  previousDependencies(): string[] {
    return Object.keys(this.previous?.dependencies ?? {});
  }

  save(data: Omit<CacheData, 'format' | 'key'>): void {
    const folder = path.dirname(this.file);
    fs.mkdirSync(folder, { recursive: true });
    // Machine-local: keep it out of commits whatever the repo ignores.
    const ignore = path.join(folder, '.gitignore');
    if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n');
    writeAtomically(this.file, JSON.stringify({ format: FORMAT, key: this.key, ...data }));
  }
}

function readCache(file: string, key: string): CacheData | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheData;
    return data.format === FORMAT && data.key === key ? data : undefined;
  } catch {
    // No cache yet, or one from an interrupted write: start cold.
    return undefined;
  }
}

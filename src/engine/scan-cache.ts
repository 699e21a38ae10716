// Per-file scan results by content hash, in .ssot/cache/: a scan after a few edits still reads
// every file (to hash it) but parses and analyses only the files whose result may have changed.
//
// A file's result is a function of its own text and of what the phases knew when they visited
// it; the cache records each of those inputs with the hashes it had, and a result is reused only
// when every one is unchanged:
// - the tool, the config and the phases (the key), and the set of files in scope: else nothing;
// - the files the phases' prepared state came from (Phase.stateSources): else nothing;
// - the file's own text, and every other file the phases read while visiting it;
// - for a type candidate (a file a type-aware phase would analyse), the whole type analysis:
//   which modules were candidates, and every file it read or the type checker loaded. Its facts
//   cross files (who else uses a shared instance), so any change there makes every candidate
//   visit again after one fresh analysis; files that are no candidate keep their results.
// The analysis runs only when a candidate is visited, so an edit outside everything it read (a
// file no candidate imports) revisits the edited file alone and analyses nothing; preparing the
// phases is never skipped. Finer reuse needs phases that say which files each fact came from.
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult } from '../result/types.js';
import { contentHash, writeAtomically } from './atomic-file.js';

const CACHE_FOLDER = '.ssot/cache';
const FORMAT = 2;

/** Files with the hashes of their text ('' when unreadable). */
export type Hashes = Record<string, string>;

interface CacheData {
  format: number;
  key: string;
  /** Every file of the scan. */
  hashes: Hashes;
  /** The files the phases' cross-file state was built from (see Phase.stateSources). */
  stateSources: Hashes;
  /** The type analysis the cached results of type candidates saw, when there was one. */
  analysis?: AnalysisInputs;
  /** What processing each file gave, for the files that gave something. */
  results: Record<string, CachedOutcome>;
  /** The other files the phases read while visiting each file, for the files that read any. */
  reads: Record<string, Hashes>;
}

/** What the type analysis was a function of: its candidate modules, by phase, and what it read. */
export interface AnalysisInputs {
  candidates: string[];
  sources: Hashes;
}

/** A file's result (when it had one) and whether it was parsed, as the engine produced them. */
export interface CachedOutcome {
  parsed: boolean;
  file?: FileResult;
}

/** What a cached scan needs to know about the current one to tell what still holds. */
export interface CurrentScan {
  files: readonly string[];
  stateSources: readonly string[];
  /** The modules the type analysis would be given now, by phase (see AnalysisInputs). */
  candidates: readonly string[];
  hashOf(file: string): string;
  /** Whether a file's result may depend on the type analysis. */
  isTypeCandidate(file: string): boolean;
}

export function textHash(text: string | undefined): string {
  return text === undefined ? '' : contentHash(text);
}

export class ScanCache {
  private readonly file: string;
  private readonly previous: CacheData | undefined;

  /** `key` names everything a result depends on besides the files: tool build, config, phases. */
  constructor(
    repoRoot: string,
    readonly key: string,
  ) {
    this.file = path.join(repoRoot, CACHE_FOLDER, 'scan.json');
    this.previous = readCache(this.file, key);
  }

  /**
   * The cached outcomes that still hold (see the rule above), with the files each read, and the
   * cached analysis when it still holds: an empty map when the cache cannot be trusted.
   */
  reusable(scan: CurrentScan): { outcomes: Map<string, CachedOutcome>; reads: Map<string, Hashes>; analysis: AnalysisInputs | undefined } {
    const outcomes = new Map<string, CachedOutcome>();
    const reads = new Map<string, Hashes>();
    const previous = this.previous;
    const none = { outcomes, reads, analysis: undefined };
    if (!previous) return none;
    const unchanged = (hashes: Hashes): boolean => Object.entries(hashes).every(([file, hash]) => scan.hashOf(file) === hash);
    if (Object.keys(previous.stateSources).sort().join('\0') !== [...scan.stateSources].sort().join('\0') || !unchanged(previous.stateSources)) return none;
    const before = Object.keys(previous.hashes);
    if (before.length !== scan.files.length || scan.files.some((file) => previous.hashes[file] === undefined)) return none;
    const analysis = previous.analysis && previous.analysis.candidates.join('\0') === scan.candidates.join('\0') && unchanged(previous.analysis.sources) ? previous.analysis : undefined;
    for (const file of scan.files) {
      if (previous.hashes[file] !== scan.hashOf(file)) continue;
      const read = previous.reads[file] ?? {};
      if (!unchanged(read) || (!analysis && scan.isTypeCandidate(file))) continue;
      outcomes.set(file, previous.results[file] ?? { parsed: false });
      if (Object.keys(read).length > 0) reads.set(file, read);
    }
    return { outcomes, reads, analysis };
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

// `ssot-migrate scan`: remaining violations of every phase, in the format asked for;
// with --baseline, the ratchet that fails CI when a count rose; with --record, one history line.
import path from 'node:path';
import { baselineFrom, compareBaseline, DEFAULT_BASELINE_FILE, readBaseline, writeBaseline } from '../../baseline/baseline.js';
import { loadPhaseDependencies } from '../../engine/run-engine.js';
import { runEngineInParallel } from '../../engine/parallel-engine.js';
import { phaseIdsOf } from '../../engine/phases.js';
import { EXIT, SsotError } from '../../errors.js';
import { countsThatWouldRise } from '../../baseline/tighten-only.js';
import { renderBaselineComparison, renderRisenCounts } from '../../reporters/baseline-report.js';
import { allFindings, filesWithStatus } from '../../result/counts.js';
import { recordScan } from '../history-file.js';
import { DEFAULT_HISTORY_FILE } from '../../history/history.js';
import { assertOutputsSafe } from '../output-target.js';
import type { CliIo } from '../io.js';
import { scanRenderer, type ScanFormat } from '../formats.js';
import { progressReporter } from '../progress.js';
import { namingConfigFile, openRepo, type RepoContext, type RepoOptions } from '../repo-context.js';
import { ScanCache } from '../../engine/scan-cache.js';
import { contentHash } from '../../engine/atomic-file.js';
import { engineSelection, type SelectionOptions } from '../selection.js';
import { inSelection } from '../../engine/shard.js';
import { renderGithubRises } from '../../reporters/github.js';
import { toPosix } from '../../engine/paths.js';

export interface ScanOptions extends RepoOptions, SelectionOptions {
  format: ScanFormat;
  /** Compare with this baseline ('' for the default file). */
  baseline?: string;
  /** Write the baseline ('' for the default file, or the --baseline file). */
  updateBaseline?: string;
  /** Let --update-baseline raise counts (it refuses by default, printing what rose). */
  allowIncrease?: boolean;
  /** Append a history line ('' for the default file). */
  record?: string;
  /** Keep per-file results in .ssot/cache and reuse those of unchanged files. */
  cache?: boolean;
}

export async function scanCommand(options: ScanOptions, io: CliIo): Promise<number> {
  const context = openRepo(options, io.cwd);
  const { repoRoot, config } = context;
  // A baseline and the history count every file: a scan of some of them cannot stand for all.
  const partial = options.shard !== undefined ? `--shard ${options.shard}` : options.changedSince !== undefined ? `--changed-since ${options.changedSince}` : undefined;
  if (partial && options.updateBaseline !== undefined) {
    throw new SsotError('SCAN_PARTIAL', `--update-baseline with ${partial}: the baseline counts every file and this scan reads only some; nothing written`);
  }
  if (partial && options.record !== undefined) throw new SsotError('SCAN_PARTIAL', `--record with ${partial}: the history counts every file and this scan reads only some; nothing recorded`);
  const selection = engineSelection(options, repoRoot);
  // Both outputs are judged before the scan, so a refused one leaves the other unwritten too.
  const recordFile = options.record !== undefined ? resolveGiven(io, options.record) || path.join(repoRoot, DEFAULT_HISTORY_FILE) : undefined;
  const baselineFile = options.updateBaseline !== undefined ? baselinePath(repoRoot, resolveGiven(io, options.updateBaseline || options.baseline || '')) : undefined;
  assertOutputsSafe(
    [
      ...(recordFile ? [{ option: '--record', file: recordFile, kind: 'history' as const }] : []),
      ...(baselineFile ? [{ option: '--update-baseline', file: baselineFile, kind: 'baseline' as const }] : []),
    ],
    { repoRoot, include: config.include, exclude: config.exclude },
    io.cwd,
  );
  await loadPhaseDependencies(phaseIdsOf(config), config);
  const result = await namingConfigFile(context, () =>
    runEngineInParallel({ repoRoot, config, command: 'scan', phases: phaseIdsOf(config), onProgress: progressReporter(io), ...selection, ...cacheFor(options, context, io) }),
  );
  io.stdout.write(scanRenderer(options.format, io.tool)(result));
  const findings = allFindings(result);
  const skipped = filesWithStatus(result, 'skipped', 'error').length > 0;
  // Machine-readable output keeps stdout to itself; the ratchet's words go to stderr.
  const notes = options.format === 'table' || options.format === 'markdown' ? io.stdout : io.stderr;

  if (options.record !== undefined) {
    const file = recordScan(repoRoot, recordFile!, result);
    notes.write(`Recorded the counts in ${file}\n`);
  }
  if (options.updateBaseline !== undefined) {
    const file = baselinePath(repoRoot, resolveGiven(io, options.updateBaseline || options.baseline || ''));
    const rose = countsThatWouldRise(file, findings, options.allowIncrease === true);
    if (rose.length > 0) notes.write(renderRisenCounts(rose, path.relative(repoRoot, file), options.allowIncrease === true));
    if (rose.length > 0 && !options.allowIncrease) {
      throw new SsotError('BASELINE_WOULD_RISE', `${path.relative(repoRoot, file)}: ${rose.length} count${rose.length === 1 ? '' : 's'} would rise; not written`, { file });
    }
    const baseline = baselineFrom(findings);
    writeBaseline(file, baseline);
    notes.write(`Wrote the baseline ${path.relative(repoRoot, file)}: ${findings.length} violations in ${baseline.size} files${skipped ? ' (skipped files are not counted)' : ''}\n`);
    return skipped ? EXIT.violations : EXIT.clean;
  }
  if (options.baseline !== undefined) {
    const file = baselinePath(repoRoot, resolveGiven(io, options.baseline));
    // A partial scan answers for its own files only: the baseline's other entries are not stale.
    const comparison = compareBaseline(new Map([...readBaseline(file)].filter(([entry]) => inSelection(entry, selection))), findings);
    notes.write(renderBaselineComparison(comparison, path.relative(repoRoot, file)));
    if (options.format === 'github') io.stdout.write(renderGithubRises(comparison.rose, toPosix(path.relative(repoRoot, file))));
    return comparison.rose.length > 0 || skipped ? EXIT.violations : EXIT.clean;
  }
  return findings.length > 0 || skipped ? EXIT.violations : EXIT.clean;
}

/**
 * The scan cache, keyed by everything a file's result depends on besides the files: the tool's
 * build, the config and the shard. Off for --changed-since (a partial scan is not a baseline).
 */
function cacheFor(options: ScanOptions, context: RepoContext, io: CliIo): { cache?: ScanCache } {
  if (!options.cache || options.changedSince) return {};
  const key = contentHash(JSON.stringify([io.tool.name, io.tool.version, io.tool.build ?? '', phaseIdsOf(context.config), context.config, options.shard ?? '']));
  return { cache: new ScanCache(context.repoRoot, key) };
}

/** A file named on the command line is relative to the working directory; '' means the default. */
function resolveGiven(io: CliIo, given: string): string {
  return given ? path.resolve(io.cwd, given) : '';
}

function baselinePath(repoRoot: string, given: string): string {
  return given || path.join(repoRoot, DEFAULT_BASELINE_FILE);
}

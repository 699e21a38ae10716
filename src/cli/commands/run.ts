// `ssot-migrate run <phase>`: a dry-run diff by default; --write applies exactly that diff,
// --patch saves it for `git apply`.
import fs from 'node:fs';
import path from 'node:path';
import { loadPhaseDependencies } from '../../engine/run-engine.js';
import { runEngineInParallel } from '../../engine/parallel-engine.js';
import { uncommittedFiles } from '../../engine/git-tree.js';
import { blockFiles, findTsconfig, verifyChanges } from '../../engine/type-check-gate.js';
import { writeAtomically } from '../../engine/atomic-file.js';
import { EXIT, SsotError } from '../../errors.js';
import { renderDiff, renderPatchFile } from '../../reporters/diff.js';
import { renderJson } from '../../reporters/json.js';
import { renderReviewPage } from '../../reporters/html-review.js';
import { renderRunSummary, type GateSummary } from '../../reporters/run-summary.js';
import { allFindings, filesWithStatus } from '../../result/counts.js';
import type { PhaseId } from '../../result/types.js';
import { phasesOf } from '../../engine/phases.js';
import type { SsotConfig } from '../../config/schema.js';
import { closestName } from '../did-you-mean.js';
import { gateProgressReporter, progressReporter } from '../progress.js';
import { namingConfigFile, openRepo, type RepoOptions } from '../repo-context.js';
import { engineSelection, type SelectionOptions } from '../selection.js';
import { useColor, type CliIo } from '../io.js';
import type { RunFormat } from '../options.js';
import { holdBackReadOnly } from '../../engine/read-only.js';
import { embeddedKindOf } from '../../engine/embedded-scripts.js';
import { formatChangedFiles, formattingOfChanged } from '../../engine/repo-formatter.js';
import { followBaseline } from '../follow-baseline.js';
import { assertOutputsSafe, outputFile, type OutputTarget } from '../output-target.js';
import { removeLeftovers, writeInterruptibly } from '../interrupted-writes.js';
import { journalAlso } from '../../engine/journal.js';
import { repoFileOf } from '../../engine/paths.js';

export interface RunOptions extends RepoOptions, SelectionOptions {
  phase: PhaseId;
  write: boolean;
  patch?: string;
  allowDirty: boolean;
  format: RunFormat;
  /** Also write the review page here. */
  html?: string;
  /** The type-check gate: on by default when the repo has a tsconfig; false turns it off. */
  verify?: boolean;
  /** With --write, the ratchet file to update ('' for the default; undefined: the default if it exists). */
  baseline?: string;
}

export async function runCommand(options: RunOptions, io: CliIo): Promise<number> {
  const outputs: OutputTarget[] = [
    ...(options.patch !== undefined ? [{ option: '--patch', file: outputFile('--patch', options.patch, io.cwd), kind: 'patch' as const }] : []),
    ...(options.html !== undefined ? [{ option: '--html', file: outputFile('--html', options.html, io.cwd), kind: 'review page' as const }] : []),
  ];
  const context = openRepo(options, io.cwd);
  const { repoRoot, config } = context;
  assertRunnable(options.phase, config, context.file);
  assertOutputsSafe(outputs, { repoRoot, include: config.include, exclude: config.exclude }, io.cwd);
  removeLeftovers(repoRoot, io);
  await loadPhaseDependencies([options.phase], config);
  const result = await namingConfigFile(context, () =>
    runEngineInParallel({ repoRoot, config, command: 'run', phases: [options.phase], onProgress: progressReporter(io), ...engineSelection(options, repoRoot) }),
  );
  // What the phase counted before any change, when it saw every file in scope and failed on none:
  // the baseline's count of the tree before the write, without scanning this phase again.
  const countedBefore = !options.shard && !options.changedSince && filesWithStatus(result, 'error').length === 0 ? { phase: options.phase, findings: allFindings(result) } : undefined;
  holdBackReadOnly(repoRoot, result);
  // Formatted here, once: the gate, the diff, --patch, --html and --write all see the formatted text.
  const formatting = await formatChangedFiles({ repoRoot, setting: config.format, configFile: context.file, nodeExecutable: process.execPath }, result);
  // The gate runs for dry runs too, so the dry-run diff stays exactly what --write writes.
  const tsconfig = options.verify === false ? undefined : findTsconfig(repoRoot, config.tsconfig);
  let gate: GateSummary | undefined;
  const proposed = filesWithStatus(result, 'changed', 'deleted');
  if (tsconfig && proposed.length > 0) {
    const verdict = await verifyChanges({ repoRoot, tsconfig, changes: proposed, onProgress: gateProgressReporter(io) });
    blockFiles(result, verdict);
    // TypeScript reads no component file, whatever project holds it: the summary says so apart.
    const unread = verdict.unowned.filter((file) => embeddedKindOf(file));
    gate = { checked: verdict.checked, blocked: verdict.blocked.size + verdict.unowned.length, unowned: verdict.unowned.filter((file) => !embeddedKindOf(file)), unread };
  }
  const changed = filesWithStatus(result, 'changed', 'deleted');

  if (options.write && !options.allowDirty) {
    const dirty = uncommittedFiles(
      repoRoot,
      changed.map((file) => file.file),
    );
    if (dirty === undefined) {
      io.stderr.write(`ssot-migrate: warning: ${repoRoot} is not in a git work tree: --write cannot check for uncommitted changes; \`ssot-migrate undo\` is the way back\n`);
    } else if (dirty.length > 0) {
      throw new SsotError('DIRTY_TREE', `${dirty.length} file(s) to be rewritten have uncommitted changes: ${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}; nothing written`);
    }
  }

  // An empty patch is no patch: `git apply` rejects one, so none is written.
  let patchFile: string | undefined;
  if (options.patch !== undefined && changed.length > 0) {
    patchFile = outputFile('--patch', options.patch, io.cwd);
    fs.mkdirSync(path.dirname(patchFile), { recursive: true });
    writeAtomically(patchFile, renderPatchFile(result));
  }
  if (options.html !== undefined) {
    const page = outputFile('--html', options.html, io.cwd);
    fs.mkdirSync(path.dirname(page), { recursive: true });
    writeAtomically(page, renderReviewPage(result, options.phase));
    io.stderr.write(`Review page written to ${page}\n`);
  }
  if (options.format === 'json') io.stdout.write(renderJson(result));
  else io.stdout.write(renderDiff(result, { color: useColor(io) }));
  const updateBaseline = options.write ? await followBaseline(context, options.baseline, io, countedBefore) : undefined;
  const written = options.write ? await writeInterruptibly(repoRoot, changed, options.phase, io) : undefined;
  const refused = written?.refused ?? [];
  const summary = renderRunSummary(result, options.phase, {
    written: options.write,
    ...(patchFile ? { patchFile } : {}),
    ...(gate ? { gate } : {}),
    ...(formatting ? { formatting: formattingOfChanged(formatting, result) } : {}),
  });
  const baseline = updateBaseline ? await updateBaseline() : undefined;
  // The baseline kept in step is part of the write: undo puts it back with the files.
  const baselineFile = baseline && repoFileOf(repoRoot, baseline.file);
  if (baseline && written?.journal && baselineFile && baseline.before !== baseline.after) {
    journalAlso(repoRoot, written.journal, { file: baselineFile, before: baseline.before, after: baseline.after });
  }
  (options.format === 'json' ? io.stderr : io.stdout).write(summary + (baseline?.words ?? ''));
  for (const { file, reason } of refused) io.stderr.write(`ssot-migrate: ${file}: ${reason}\n`);

  const skipped = filesWithStatus(result, 'skipped', 'error').length > 0;
  const fixableLeft = allFindings(result, 'after').some((finding) => finding.fixable);
  return skipped || fixableLeft || refused.length > 0 ? EXIT.violations : EXIT.clean;
}

/**
 * The phase named on the command line must be a built-in phase or a transform of this config,
 * which is why it is checked here, after the config is read, and not by yargs.
 */
function assertRunnable(phase: PhaseId, config: SsotConfig, configFile: string): void {
  const known = phasesOf(config).map((entry) => entry.id);
  if (!known.includes(phase)) {
    const transforms = config.transforms.map((entry) => entry.id);
    const meant = closestName(phase, known);
    throw new SsotError(
      'PHASE_UNKNOWN',
      `"${phase}" is not a phase: the built-in phases are ${known.filter((id) => !transforms.includes(id)).join(', ')}; ${transforms.length > 0 ? `the transforms of ${configFile} are ${transforms.join(', ')}` : `${configFile} adds no transforms`}${meant ? `; did you mean ${meant}?` : ''}`,
    );
  }
}

// `ssot-migrate plan`: the phases in order with what each would do now; and the warning of a
// `run` that comes before an earlier phase is finished.
import { loadPhaseDependencies, runEngine } from '../../engine/run-engine.js';
import { createProject } from '../../engine/project.js';
import { EXIT } from '../../errors.js';
import { allFindings } from '../../result/counts.js';
import { renderPlan, type PlanRow } from '../../reporters/plan.js';
import { phaseIdsOf, PHASES, phasesOf } from '../../engine/phases.js';
import { configSchema, type SsotConfig } from '../../config/schema.js';
import type { PhaseId } from '../../result/types.js';
import { progressReporter } from '../progress.js';
import { namingConfigFile, openRepo, type RepoOptions } from '../repo-context.js';
import { engineSelection, type SelectionOptions } from '../selection.js';
import type { CliIo } from '../io.js';

export async function planCommand(options: RepoOptions, io: CliIo): Promise<number> {
  const context = openRepo(options, io.cwd);
  const { repoRoot, config } = context;
  await loadPhaseDependencies(phaseIdsOf(config), config);
  const result = namingConfigFile(context, () => runEngine({ repoRoot, config, command: 'scan', phases: phaseIdsOf(config), onProgress: progressReporter(io) }));
  const findings = allFindings(result);
  // A phase is ready when every phase before it has nothing left to fix automatically.
  let waitsFor: PlanRow['waitsFor'];
  const rows: PlanRow[] = phasesOf(config).map((entry, index) => {
    const mine = findings.filter((finding) => finding.phase === entry.id);
    const fixable = mine.filter((finding) => finding.fixable).length;
    const row: PlanRow = {
      order: index + 1,
      phase: entry.id,
      title: entry.title,
      configured: isConfigured(config, entry.id),
      violations: mine.length,
      fixable,
      manual: mine.filter((finding) => !finding.fixable).length,
      files: new Set(mine.filter((finding) => finding.fixable).map((finding) => finding.file)).size,
      ...(waitsFor ? { waitsFor } : {}),
    };
    if (!waitsFor && fixable > 0) waitsFor = entry.id;
    return row;
  });
  io.stdout.write(renderPlan(rows));
  return EXIT.clean;
}

/**
 * A phase named like a config section does nothing without it (signatures, factories); facades
 * are facades of the canonical module, so that phase needs one; imports always runs.
 */
export function isConfigured(config: SsotConfig, phase: PhaseId): boolean {
  if (phase === 'facades') return config.canonical !== undefined || config.facades.discover === 'barrels';
  return !(phase in configSchema.shape) || config[phase as keyof SsotConfig] !== undefined;
}

/**
 * Before `run <phase>`: one line on stderr when an earlier phase still has fixable violations,
 * since this phase would then work on code that one is about to change. Costs a scan of the
 * earlier phases (none for the first phase), over the same files as the run, one phase at a time
 * in order: the first unfinished one is the answer, so the phases after it are never prepared.
 */
export async function warnIfOutOfOrder(options: RepoOptions & SelectionOptions & { phase: PhaseId }, io: CliIo): Promise<void> {
  const position = PHASES.findIndex((entry) => entry.id === options.phase);
  const context = openRepo(options, io.cwd);
  const { repoRoot, config } = context;
  const earlier = phaseIdsOf().filter((id) => PHASES.findIndex((entry) => entry.id === id) < position && isConfigured(config, id));
  if (earlier.length === 0) return;
  await loadPhaseDependencies(earlier, config);
  const selection = engineSelection(options, repoRoot);
  // One project for every phase asked: each file is read and each import resolved once.
  const project = createProject({ repoRoot, config });
  const fixableOf = (id: PhaseId): number =>
    allFindings(namingConfigFile(context, () => runEngine({ repoRoot, config, command: 'scan', phases: [id], project, ...selection }))).filter((finding) => finding.phase === id && finding.fixable)
      .length;
  for (const unfinished of earlier) {
    const fixable = fixableOf(unfinished);
    if (fixable === 0) continue;
    io.stderr.write(
      `ssot-migrate: warning: running ${options.phase} before ${unfinished}, which still has ${fixable} fixable violation${fixable === 1 ? '' : 's'}; run \`ssot-migrate run ${unfinished}\` first (\`ssot-migrate plan\` shows the order)\n`,
    );
    return;
  }
}

// `ssot-migrate plan`: the phases in order with what each would do now.
import { loadPhaseDependencies, runEngine } from '../../engine/run-engine.js';
import { EXIT } from '../../errors.js';
import { allFindings } from '../../result/counts.js';
import { renderPlan, type PlanRow } from '../../reporters/plan.js';
import { builtPhaseIds, PHASES } from '../../engine/phases.js';
import { progressReporter } from '../progress.js';
import { namingConfigFile, openRepo, type RepoOptions } from '../repo-context.js';
import type { CliIo } from '../io.js';

export async function planCommand(options: RepoOptions, io: CliIo): Promise<number> {
  const context = openRepo(options, io.cwd);
  const { repoRoot, config } = context;
  await loadPhaseDependencies(builtPhaseIds());
  const result = namingConfigFile(context, () => runEngine({ repoRoot, config, command: 'scan', phases: builtPhaseIds(), onProgress: progressReporter(io) }));
  const findings = allFindings(result);
  // A phase is ready when every phase before it has nothing left to fix automatically.
  let waitsFor: PlanRow['waitsFor'];
  const rows: PlanRow[] = PHASES.map((entry, index) => {
    const mine = findings.filter((finding) => finding.phase === entry.id);
    const fixable = mine.filter((finding) => finding.fixable).length;
    const row: PlanRow = {
      order: index + 1,
      phase: entry.id,
      title: entry.title,
      built: entry.phase !== undefined,
      violations: mine.length,
      fixable,
      manual: mine.filter((finding) => !finding.fixable).length,
      files: new Set(mine.filter((finding) => finding.fixable).map((finding) => finding.file)).size,
      ...(waitsFor ? { waitsFor } : {}),
    };
    if (!waitsFor && entry.phase !== undefined && fixable > 0) waitsFor = entry.id;
    return row;
  });
  io.stdout.write(renderPlan(rows));
  return EXIT.clean;
}

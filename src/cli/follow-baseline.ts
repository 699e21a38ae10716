// `run --write` keeps an existing ratchet file in step with what it writes: the phase's own
// (reviewed) changes never fail the next `scan --baseline`.
import fs from 'node:fs';
import path from 'node:path';
import { baselineAfterWrite, totalCount } from '../baseline/after-write.js';
import { DEFAULT_BASELINE_FILE, readBaseline, serializeBaseline, writeBaseline } from '../baseline/baseline.js';
import { loadPhaseDependencies } from '../engine/run-engine.js';
import { runEngineInParallel } from '../engine/parallel-engine.js';
import { phaseIdsOf } from '../engine/phases.js';
import { allFindings } from '../result/counts.js';
import type { Finding, PhaseId } from '../result/types.js';
import type { CliIo } from './io.js';
import { namingConfigFile, type RepoContext } from './repo-context.js';

/** Updates the baseline once the files are written; returns the summary's words for it and the file's texts. */
export type BaselineUpdate = () => Promise<{ words: string; file: string; before: string; after: string }>;

/** One phase's findings on the whole tree before the write, as the run itself counted them (scan counts the same). */
export interface CountedBefore {
  phase: PhaseId;
  findings: readonly Finding[];
}

/**
 * Reads the baseline and scans the tree as it is before the write. `given` is run's --baseline:
 * undefined for the default file (followed only when it exists), '' for the default file named
 * on purpose, or a path relative to the working directory (both must exist). `counted`: the run's
 * own phase, which then is not scanned again.
 */
export async function followBaseline(context: RepoContext, given: string | undefined, io: CliIo, counted?: CountedBefore): Promise<BaselineUpdate | undefined> {
  const file = given ? path.resolve(io.cwd, given) : path.join(context.repoRoot, DEFAULT_BASELINE_FILE);
  if (given === undefined && !fs.existsSync(file)) return undefined;
  const baseline = readBaseline(file);
  const phases = phaseIdsOf(context.config);
  await loadPhaseDependencies(phases, context.config);
  const others = phases.filter((id) => id !== counted?.phase);
  const before = [...(counted?.findings.filter((finding) => finding.phase === counted.phase) ?? []), ...(others.length > 0 ? await scanFindings(context, others) : [])];
  return async () => {
    const updated = baselineAfterWrite(baseline, before, await scanFindings(context, phases));
    const text = fs.readFileSync(file, 'utf8');
    writeBaseline(file, updated);
    const words = `Baseline ${path.relative(context.repoRoot, file)} updated to the counts after this run (${totalCount(baseline)} → ${totalCount(updated)} violations)\n`;
    return { words, file, before: text, after: serializeBaseline(updated) };
  };
}

/** These phases on the whole tree, as `scan` counts them. */
async function scanFindings(context: RepoContext, phases: PhaseId[]): Promise<Finding[]> {
  const { repoRoot, config } = context;
  return allFindings(await namingConfigFile(context, () => runEngineInParallel({ repoRoot, config, command: 'scan', phases })));
}

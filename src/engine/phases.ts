// The registry as the CLI sees it, through the engine: the built-in phases in order, then the
// jscodeshift transforms a config adds, in its order.
import { PHASES, PHASE_IDS } from '../../transforms/index.js';
import type { SsotConfig } from '../config/schema.js';
import type { PhaseId } from '../result/types.js';
import type { Phase } from '../phase-api/define-phase.js';
import type { TextPhase } from '../phase-api/text-phase.js';
import { jscodeshiftPhase } from './jscodeshift-phase.js';
import { needsTranspiler } from './load-transform.js';

export { PHASES, PHASE_IDS };

/** A phase as the CLI lists it: a built-in one, or a transform of the config. */
export interface PhaseListing {
  id: PhaseId;
  title: string;
  phase: Phase<never> | TextPhase<never>;
}

/** Every phase a run with this config may name, in the order they run. */
export function phasesOf(config?: SsotConfig): PhaseListing[] {
  const transforms = (config?.transforms ?? []).map((entry, index): PhaseListing => {
    const phase = jscodeshiftPhase(entry, index);
    return { id: entry.id, title: phase.meta.title, phase: phase as TextPhase<never> };
  });
  return [...PHASES, ...transforms];
}

/** The ids of every phase a run with this config may name, in order. */
export function phaseIdsOf(config?: SsotConfig): PhaseId[] {
  return phasesOf(config).map((entry) => entry.id);
}

/**
 * Whether any of these phases may ask the type checker: such a run makes it loadable first (it
 * loads when a phase first asks, which a phase does only with its config section and candidates).
 */
export function needsTypes(ids: readonly PhaseId[]): boolean {
  return PHASES.some((entry) => ids.includes(entry.id) && (entry.phase as { analyse?: unknown }).analyse !== undefined);
}

/** Whether any of these phases is a transform written in TypeScript (loaded through the transpiler). */
export function needsTranspilerFor(ids: readonly PhaseId[], config: SsotConfig | undefined): boolean {
  return (config?.transforms ?? []).some((entry) => ids.includes(entry.id) && needsTranspiler(entry.module));
}

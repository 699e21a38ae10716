// The registry as the CLI sees it, through the engine: the phases in order and which are built.
import { PHASES, PHASE_IDS } from '../../transforms/index.js';
import type { PhaseId } from '../result/types.js';

export { PHASES, PHASE_IDS };

export function builtPhaseIds(): PhaseId[] {
  return PHASES.filter((entry) => entry.phase !== undefined).map((entry) => entry.id);
}

export function isBuilt(id: PhaseId): boolean {
  return PHASES.some((entry) => entry.id === id && entry.phase !== undefined);
}

/** Whether any of these phases asks the type checker (and so needs it loaded before the run). */
export function needsTypes(ids: readonly PhaseId[]): boolean {
  return PHASES.some((entry) => ids.includes(entry.id) && (entry.phase as { analyse?: unknown } | undefined)?.analyse !== undefined);
}

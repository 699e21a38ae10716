// The registry: the four phases in the order they run. The CLI and the engine read phases only
// from here, so adding a phase is one entry, never an `if` elsewhere.
import type { PhaseId } from '../src/result/types.js';
import type { Phase } from './utils/define-phase.js';
import importConsolidation from './import-consolidation.js';

export interface PhaseEntry {
  id: PhaseId;
  title: string;
  /** undefined while the phase is not built yet: `plan` says so and `run` refuses it. */
  phase: Phase<never> | undefined;
}

export const PHASES = [
  { id: 'imports', title: 'import consolidation', phase: importConsolidation as Phase<never> },
  { id: 'facades', title: 'facade removal', phase: undefined },
  { id: 'signatures', title: 'signature normalisation', phase: undefined },
  { id: 'factories', title: 'factory rewiring', phase: undefined },
] as const satisfies readonly PhaseEntry[];

export const PHASE_IDS: readonly PhaseId[] = PHASES.map((entry) => entry.id);

export function phaseEntry(id: PhaseId): PhaseEntry {
  return PHASES.find((entry) => entry.id === id)!;
}

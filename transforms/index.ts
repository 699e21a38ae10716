// The registry: the four phases in the order they run. The CLI and the engine read phases only
// from here, so adding a phase is one entry, never an `if` elsewhere.
import type { BuiltInPhaseId } from '../src/result/types.js';
import type { Phase } from '../src/phase-api/define-phase.js';
import importConsolidation from './imports/import-consolidation.js';
import facadeRemoval from './facades/facade-removal.js';
import signatureNormalisation from './signatures/signature-normalisation.js';
import factoryRewiring from './factories/factory-rewiring.js';

export interface PhaseEntry {
  id: BuiltInPhaseId;
  title: string;
  phase: Phase<never>;
}

export const PHASES = [
  { id: 'imports', title: 'import consolidation', phase: importConsolidation as Phase<never> },
  { id: 'facades', title: 'facade removal', phase: facadeRemoval as Phase<never> },
  { id: 'signatures', title: 'signature normalisation', phase: signatureNormalisation as Phase<never> },
  { id: 'factories', title: 'factory rewiring', phase: factoryRewiring as Phase<never> },
] as const satisfies readonly PhaseEntry[];

export const PHASE_IDS: readonly BuiltInPhaseId[] = PHASES.map((entry) => entry.id);

// The CLI's view of the registry: which phases exist and which are built.
import { PHASES } from '../../transforms/index.js';
import type { PhaseId } from '../result/types.js';

export function builtPhaseIds(): PhaseId[] {
  return PHASES.filter((entry) => entry.phase !== undefined).map((entry) => entry.id);
}

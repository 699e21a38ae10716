// The `plan` table: phases in the order they must run, with what each would do now.
import type { PhaseId } from '../result/types.js';
import { formatTable } from './format-table.js';

export interface PlanRow {
  order: number;
  phase: PhaseId;
  title: string;
  /** false when the phase has a config section and the config leaves it out: the phase does nothing. */
  configured?: boolean;
  violations: number;
  fixable: number;
  manual: number;
  /** Files the phase would change. */
  files: number;
  /** The earlier phase that still has fixable violations, if any: this one waits for it. */
  waitsFor?: PhaseId;
}

export function renderPlan(rows: readonly PlanRow[]): string {
  const table = formatTable(
    ['#', 'phase', 'what', 'violations', 'fixable', 'manual', 'files touched', 'ready'],
    rows.map((row) => {
      // A count of a phase that did not run would read as "nothing left".
      const count = (value: number): string => (row.configured !== false ? String(value) : '-');
      return [String(row.order), row.phase, row.title, count(row.violations), count(row.fixable), count(row.manual), count(row.files), readiness(row)];
    }),
  );
  return table + '\n';
}

function readiness(row: PlanRow): string {
  if (row.configured === false) return 'not configured';
  if (row.fixable === 0) return row.manual > 0 ? 'done, manual items left' : 'done';
  if (row.waitsFor) return `after ${row.waitsFor}`;
  return `yes: ssot-migrate run ${row.phase}`;
}

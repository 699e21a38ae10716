// The `plan` table: phases in the order they must run, with what each would do now.
import type { PhaseId } from '../result/types.js';
import { formatTable } from './format-table.js';

export interface PlanRow {
  order: number;
  phase: PhaseId;
  title: string;
  built: boolean;
  violations: number;
  fixable: number;
  manual: number;
  /** Files the phase would change. */
  files: number;
}

export function renderPlan(rows: readonly PlanRow[]): string {
  const table = formatTable(
    ['#', 'phase', 'what', 'violations', 'fixable', 'manual', 'files touched', 'status'],
    rows.map((row) => [
      String(row.order),
      row.phase,
      row.title,
      row.built ? String(row.violations) : '-',
      row.built ? String(row.fixable) : '-',
      row.built ? String(row.manual) : '-',
      row.built ? String(row.files) : '-',
      row.built ? (row.fixable > 0 ? `run: ssot-migrate run ${row.phase}` : 'done') : 'not built yet',
    ]),
  );
  return table + '\n';
}

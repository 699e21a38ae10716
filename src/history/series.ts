// Reading a phase's numbers out of history records, shared by the chart and the summary so
// they can never disagree on what "found" or "remaining" means.
import type { PhaseId } from '../result/types.js';
import type { HistoryRecord } from './history.js';

export interface PhaseTotals {
  total: number;
  fixable: number;
  manual: number;
}

/** A phase's totals in one record, or undefined when that scan did not measure the phase. */
export function phaseTotals(record: HistoryRecord, phase: PhaseId): PhaseTotals | undefined {
  if (record.phases !== undefined && !record.phases.includes(phase)) return undefined;
  const totals: PhaseTotals = { total: 0, fixable: 0, manual: 0 };
  for (const count of record.counts) {
    if (count.phase !== phase) continue;
    totals.total += count.total;
    totals.fixable += count.fixable;
    totals.manual += count.manual;
  }
  return totals;
}

/** The short form of a commit for labels; "no commit" for a scan outside git. */
export function shortCommit(commit: string | null): string {
  return commit === null ? 'no commit' : commit.slice(0, 7);
}

/** The day of an ISO time, as written in the record (no time-zone conversion, so output is stable). */
export function dayOf(time: string): string {
  return time.slice(0, 10);
}

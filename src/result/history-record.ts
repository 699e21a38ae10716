// One line of the history file, and reading a phase's numbers out of it: shared by the chart
// and the summary so they can never disagree on what "found" or "remaining" means.
import type { PhaseId } from './types.js';

export interface HistoryRecord {
  /** ISO 8601. */
  time: string;
  /** git HEAD of the repo when the scan ran; null outside git. */
  commit: string | null;
  /**
   * The phases the scan measured. A phase missing here was not measured, which is not the same as
   * 0 left: the chart would otherwise show it "fixed" before anyone ran it.
   * Absent in a hand-written record: every phase was measured.
   */
  phases?: PhaseId[];
  /** Per phase and kind, from `countByKind`; a measured phase with nothing left has no entry. */
  counts: Array<{ phase: PhaseId; kind: string; total: number; fixable: number; manual: number }>;
  /** The files with the most violations left, most first, ties by path. */
  files: Array<{ file: string; total: number }>;
}

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

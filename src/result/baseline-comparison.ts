// What comparing a scan with the ratchet file finds: the data the baseline report renders.
import type { Finding } from './types.js';

export interface CountChange {
  file: string;
  rule: string;
  baseline: number;
  now: number;
}

export interface BaselineComparison {
  /** Counts that rose: the run fails. Each with the file's current findings of that rule. */
  rose: Array<CountChange & { findings: Finding[] }>;
  /** Counts that fell: the baseline can be tightened. */
  fell: CountChange[];
  /** Files in the baseline that have no violations left. */
  stale: string[];
}

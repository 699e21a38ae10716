// The ratchet after `run --write`: the write was reviewed as a diff, so the counts it moved (a
// consumer going from one violation kind to another) are accepted; nothing else is.
import type { Finding } from '../result/types.js';
import { baselineFrom, type Baseline } from './baseline.js';

/**
 * Each count becomes what it is after the write, except that a count which was already above the
 * baseline before the write stays that far above it: `min(baseline + (after - before), after)`.
 * Taking the scan after the write as it is would quietly accept whatever else had risen in the
 * tree (an uncommitted legacy import in a file the run never touched).
 */
export function baselineAfterWrite(baseline: Baseline, before: readonly Finding[], after: readonly Finding[]): Baseline {
  const countsBefore = baselineFrom(before);
  const countsAfter = baselineFrom(after);
  const updated: Baseline = new Map();
  const files = [...new Set([...baseline.keys(), ...countsBefore.keys(), ...countsAfter.keys()])].sort();
  for (const file of files) {
    const rules = new Map<string, number>();
    const ruleNames = new Set([...(baseline.get(file)?.keys() ?? []), ...(countsBefore.get(file)?.keys() ?? []), ...(countsAfter.get(file)?.keys() ?? [])]);
    for (const rule of [...ruleNames].sort()) {
      const allowed = baseline.get(file)?.get(rule) ?? 0;
      const was = countsBefore.get(file)?.get(rule) ?? 0;
      const now = countsAfter.get(file)?.get(rule) ?? 0;
      const count = Math.max(0, Math.min(allowed + now - was, now));
      if (count > 0) rules.set(rule, count);
    }
    if (rules.size > 0) updated.set(file, rules);
  }
  return updated;
}

export function totalCount(baseline: Baseline): number {
  let total = 0;
  for (const rules of baseline.values()) for (const count of rules.values()) total += count;
  return total;
}

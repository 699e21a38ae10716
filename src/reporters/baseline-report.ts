// What the ratchet says: the counts that rose (with the violations' locations), the counts
// that fell (tighten the baseline), and the files the baseline lists for nothing.
import type { BaselineComparison } from '../result/baseline-comparison.js';

export function renderBaselineComparison(comparison: BaselineComparison, baselineFile: string): string {
  const lines: string[] = [];
  if (comparison.rose.length > 0) {
    const added = comparison.rose.reduce((sum, change) => sum + change.now - change.baseline, 0);
    lines.push(`Baseline ${baselineFile}: ${added} new violation${added === 1 ? '' : 's'} — this run fails.`);
    for (const change of comparison.rose) {
      lines.push(`  ${change.file}  [${change.rule}] ${change.baseline} → ${change.now}`);
      for (const finding of change.findings) lines.push(`    ${finding.file}:${finding.line}:${finding.column}  ${finding.message}`);
    }
  } else {
    lines.push(`Baseline ${baselineFile}: no count rose.`);
  }
  if (comparison.fell.length > 0) {
    lines.push(`${comparison.fell.length} count${comparison.fell.length === 1 ? '' : 's'} fell below the baseline; tighten it with \`ssot-migrate scan --update-baseline\`:`);
    for (const change of comparison.fell) lines.push(`  ${change.file}  [${change.rule}] ${change.baseline} → ${change.now}`);
  }
  if (comparison.stale.length > 0) {
    lines.push(`${comparison.stale.length} stale entr${comparison.stale.length === 1 ? 'y' : 'ies'} (no violations left; \`--update-baseline\` removes them):`);
    for (const file of comparison.stale) lines.push(`  ${file}`);
  }
  return lines.join('\n') + '\n';
}

/** The counts `scan --update-baseline` would raise: refused, or accepted with --allow-increase. */
export function renderRisenCounts(rose: BaselineComparison['rose'], baselineFile: string, accepted: boolean): string {
  const lines = [`Baseline ${baselineFile}: ${rose.length} count${rose.length === 1 ? '' : 's'} ${accepted ? 'rose, accepted with --allow-increase' : 'would rise'}:`];
  for (const change of rose) {
    lines.push(`  ${change.file}  [${change.rule}] ${change.baseline} → ${change.now}`);
    for (const finding of change.findings) lines.push(`    ${finding.file}:${finding.line}:${finding.column}  ${finding.message}`);
  }
  return lines.join('\n') + '\n';
}

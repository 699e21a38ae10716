// Counts derived from a result: per phase and kind, fixable and manual. Every reporter and the
// CLI summary read counts from here so they can never disagree.
import type { Finding, FileResult, PhaseId, RunResult } from '../result/types.js';

export interface KindCount {
  phase: PhaseId;
  kind: string;
  total: number;
  fixable: number;
  manual: number;
  files: number;
}

export function allFindings(result: RunResult, when: 'before' | 'after' = 'before'): Finding[] {
  return result.files.flatMap((file) => (when === 'before' ? file.findingsBefore : file.findingsAfter));
}

export function countByKind(findings: readonly Finding[]): KindCount[] {
  const counts = new Map<string, KindCount & { fileSet: Set<string> }>();
  for (const finding of findings) {
    const key = `${finding.phase}\0${finding.kind}`;
    const count = counts.get(key) ?? { phase: finding.phase, kind: finding.kind, total: 0, fixable: 0, manual: 0, files: 0, fileSet: new Set<string>() };
    count.total++;
    if (finding.fixable) count.fixable++;
    else count.manual++;
    count.fileSet.add(finding.file);
    counts.set(key, count);
  }
  return [...counts.values()].map(({ fileSet, ...count }) => ({ ...count, files: fileSet.size })).sort((a, b) => a.phase.localeCompare(b.phase) || a.kind.localeCompare(b.kind));
}

export function countByPhase(findings: readonly Finding[], phase: PhaseId): { total: number; fixable: number; manual: number } {
  const mine = findings.filter((finding) => finding.phase === phase);
  const fixable = mine.filter((finding) => finding.fixable).length;
  return { total: mine.length, fixable, manual: mine.length - fixable };
}

export function filesWithStatus(result: RunResult, ...statuses: FileResult['status'][]): FileResult[] {
  return result.files.filter((file) => statuses.includes(file.status));
}

/** Findings in a stable order: file, line, column, phase, kind. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.phase.localeCompare(b.phase) || a.kind.localeCompare(b.kind));
}

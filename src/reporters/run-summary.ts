// The summary after `run <phase>`: files changed, violations before → after, what is fixed and
// deleted and why, manual items, skipped files. Written for a reviewer deciding whether to pass --write.
import type { FileResult, PhaseId, RunResult } from '../result/types.js';
import { allFindings, countByPhase, filesWithStatus, sortFindings } from '../result/counts.js';

/** What the type-check gate found, when it ran. */
export interface GateSummary {
  checked: number;
  /** Files blocked: by new diagnostics, or because nothing could check them (`unowned`, `unread`). */
  blocked: number;
  /** Files no TypeScript project contains. */
  unowned: readonly string[];
  /** Component files (`.vue`, `.svelte`…), which TypeScript does not read whatever project holds them. */
  unread: readonly string[];
}

/** What the repo's formatter did to the changed files, when the repo has one. */
export interface FormattingSummary {
  formatter: string;
  /** Why nothing was formatted, when the repo configures a formatter it has not installed. */
  unavailable?: string;
  formatted: readonly string[];
  notCleanBefore: readonly string[];
  failed: ReadonlyArray<{ file: string; reason: string }>;
}

export function renderRunSummary(result: RunResult, phase: PhaseId, options: { written: boolean; patchFile?: string; gate?: GateSummary; formatting?: FormattingSummary }): string {
  const before = countByPhase(allFindings(result, 'before'), phase);
  const after = countByPhase(allFindings(result, 'after'), phase);
  const changed = filesWithStatus(result, 'changed', 'deleted');
  const skipped = filesWithStatus(result, 'skipped', 'error');
  const lines: string[] = [];
  const verb = options.written ? 'changed' : 'would change';
  lines.push(`${phase}: ${changed.length} file${changed.length === 1 ? '' : 's'} ${verb}; violations ${before.total} → ${after.total} (${after.manual} manual)`);
  const notices = (result.notices ?? []).filter((notice) => notice.phase === phase);
  if (notices.length > 0) {
    lines.push(`Notes (${notices.length}):`);
    for (const notice of notices) lines.push(`  ${notice.message}`);
  }
  // What the run fixes, each with its message, which says why: the fixable findings of the files it changes.
  const fixes = sortFindings(changed.flatMap((file) => file.findingsBefore.filter((finding) => finding.phase === phase && finding.fixable)));
  if (fixes.length > 0) {
    lines.push(`${options.written ? 'Fixed' : 'Fixes'} (${fixes.length}):`);
    for (const item of fixes) lines.push(`  ${item.file}:${item.line}:${item.column}  [${item.kind}] ${item.message}`);
  }
  const deleted = changed.filter((file) => file.status === 'deleted');
  if (deleted.length > 0) {
    lines.push(`${options.written ? 'Deleted' : 'To delete'} (${deleted.length}):`);
    for (const file of deleted) lines.push(`  ${file.file}  ${deletionLine(file)}`);
  }
  const manual = sortFindings(allFindings(result, 'after').filter((finding) => finding.phase === phase && !finding.fixable));
  if (manual.length > 0) {
    lines.push(`Manual items (${manual.length}):`);
    for (const item of manual) lines.push(`  ${item.file}:${item.line}:${item.column}  [${item.kind}] ${item.reason ?? item.message}`);
  }
  if (skipped.length > 0) {
    lines.push(`Skipped (${skipped.length}):`);
    for (const file of skipped) lines.push(`  ${file.error ?? file.file}`);
  }
  if (options.formatting) lines.push(...formattingLines(options.formatting));
  if (options.gate) {
    lines.push(
      options.gate.blocked === 0
        ? `Type-check gate: ${options.written ? 'passed' : 'would pass'} (no new diagnostics in ${options.gate.checked} file${options.gate.checked === 1 ? '' : 's'} checked)`
        : `Type-check gate: ${options.gate.blocked} file${options.gate.blocked === 1 ? '' : 's'} ${options.written ? 'blocked, not written' : 'would be blocked'} (${gateReasons(options.gate)})`,
    );
  }
  if (options.patchFile) lines.push(`Patch written to ${options.patchFile}`);
  if (!options.written && changed.length > 0) lines.push('Dry run: nothing written. Pass --write to apply.');
  return lines.join('\n') + '\n';
}

/** A deletion's reason and the line that shows it: `re-export of X from m.ts (line 2: export { X } from './m')`. */
function deletionLine(file: FileResult): string {
  if (!file.deletion) return 'no reason given';
  const { reason, line, evidence } = file.deletion;
  return line === undefined ? reason : `${reason} (line ${line}${evidence ? `: ${evidence}` : ''})`;
}

function formattingLines({ formatter, unavailable, formatted, notCleanBefore, failed }: FormattingSummary): string[] {
  if (unavailable) return [`Not formatted: ${unavailable}`];
  if (formatted.length + notCleanBefore.length + failed.length === 0) return [];
  const left = notCleanBefore.length > 0 ? `; ${notCleanBefore.length} left as the phase wrote it (not ${formatter}-clean before the run): ${fileList(notCleanBefore)}` : '';
  const lines = [`Formatted with the repo's ${formatter}: ${formatted.length} file${formatted.length === 1 ? '' : 's'}${left}`];
  if (failed.length > 0) {
    lines.push(`Not formatted (${failed.length}), left as the phase wrote it:`);
    for (const { file, reason } of failed) lines.push(`  ${file}: ${reason}`);
  }
  return lines;
}

function fileList(files: readonly string[]): string {
  return files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '');
}

function gateReasons(gate: GateSummary): string {
  const reasons: string[] = [];
  const unchecked = gate.unowned.length + gate.unread.length;
  if (gate.blocked > unchecked) reasons.push('new diagnostics; see above');
  if (gate.unread.length > 0) reasons.push(`components TypeScript does not read: ${fileList(gate.unread)}`);
  if (gate.unowned.length > 0) reasons.push(`in no project: ${fileList(gate.unowned)}`);
  if (unchecked > 0) reasons.push(`--no-verify writes ${unchecked === 1 ? 'it' : 'them'} unchecked`);
  return reasons.join('; ');
}

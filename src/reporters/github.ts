// GitHub Actions workflow commands: one annotation per remaining violation, so a pull request
// shows them on the changed lines without uploading SARIF. Skipped files become errors.
import type { Finding, RunResult } from '../result/types.js';
import { allFindings, filesWithStatus, sortFindings } from '../result/counts.js';

export function renderGithubAnnotations(result: RunResult): string {
  const findings = sortFindings(allFindings(result, 'before'));
  const skipped = [...filesWithStatus(result, 'skipped', 'error')].sort((a, b) => a.file.localeCompare(b.file));
  const lines = [
    ...findings.map((finding) => workflowCommand(finding.fixable ? 'warning' : 'notice', { ...locationOf(finding), title: `${finding.phase}/${finding.kind}` }, messageOf(finding))),
    ...skipped.map((file) => workflowCommand('error', { file: file.file }, file.error ?? `${file.file}: ${file.status === 'skipped' ? 'skipped' : 'failed'}`)),
  ];
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/**
 * The ratchet's verdict as errors: one per file and rule whose count rose, at the first of its
 * violations (the counts do not say which one is new), so a pull request shows where it failed.
 */
export function renderGithubRises(rose: ReadonlyArray<{ file: string; rule: string; baseline: number; now: number; findings: readonly Finding[] }>, baselineFile: string): string {
  const lines = rose.map((rise) => {
    const first = sortFindings([...rise.findings])[0];
    const where = first ? locationOf(first) : { file: rise.file };
    return workflowCommand('error', { ...where, title: `${rise.rule} rose` }, `${rise.rule}: ${rise.baseline} → ${rise.now} in this file, above the baseline ${baselineFile}`);
  });
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function messageOf(finding: Finding): string {
  return finding.fixable || !finding.reason ? finding.message : `${finding.message} — manual: ${finding.reason}`;
}

function locationOf(finding: Finding): Record<string, string> {
  // Line 0 means the parser could not place it: annotate the file rather than a line that does not exist.
  if (finding.line < 1) return { file: finding.file };
  return { file: finding.file, line: String(finding.line), col: String(Math.max(1, finding.column)) };
}

/** `::command key=value,…::message`, escaped as the runner unescapes it (actions/toolkit `command.ts`). */
function workflowCommand(command: 'error' | 'warning' | 'notice', properties: Record<string, string>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${command} ${list}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// In a property a `:` would end the property list and a `,` would start the next property.
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

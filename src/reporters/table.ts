// The default `scan` report: a table of remaining violations per phase and kind, then the
// manual items with their reasons, then the mentions that were not counted.
import type { RunResult } from '../result/types.js';
import { allFindings, countByKind, filesWithStatus, sortFindings } from '../result/counts.js';
import { formatTable } from './format-table.js';

export function renderScanTable(result: RunResult): string {
  const findings = allFindings(result);
  const counts = countByKind(findings);
  const lines: string[] = [];
  const rows = result.phases.flatMap((phase) => {
    const mine = counts.filter((count) => count.phase === phase);
    if (mine.length === 0) return [[phase, '—', '0', '0', '0', '0']];
    return mine.map((count) => [phase, count.kind, String(count.total), String(count.fixable), String(count.manual), String(count.files)]);
  });
  lines.push(formatTable(['phase', 'kind', 'violations', 'fixable', 'manual', 'files'], rows));
  if (result.notices) {
    lines.push('', `Notes (${result.notices.length}):`);
    for (const notice of result.notices) lines.push(`  [${notice.phase}] ${notice.message}`);
  }
  const manual = sortFindings(findings.filter((finding) => !finding.fixable));
  if (manual.length > 0) {
    lines.push('', `Manual items (${manual.length}):`);
    for (const item of manual) lines.push(`  ${item.file}:${item.line}:${item.column}  [${item.phase}/${item.kind}] ${item.reason ?? item.message}`);
  }
  const mentions = result.files.flatMap((file) => file.mentions);
  if (mentions.length > 0) {
    lines.push('', `Mentions in comments and strings, not counted (${mentions.length}):`);
    for (const mention of mentions) lines.push(`  ${mention.file}:${mention.line}:${mention.column}  ${mention.where}: ${mention.text}`);
  }
  const skipped = filesWithStatus(result, 'skipped', 'error');
  if (skipped.length > 0) {
    lines.push('', `Skipped (${skipped.length}):`);
    for (const file of skipped) lines.push(`  ${file.error ?? file.file}`);
  }
  const notParsed = filesWithStatus(result, 'not-parsed');
  if (notParsed.length > 0) {
    lines.push('', `Not parsed (${notParsed.length}):`);
    for (const file of notParsed) lines.push(`  ${file.file}: ${file.reason ?? 'not parsed'}`);
  }
  lines.push(
    '',
    `${result.filesScanned} file${result.filesScanned === 1 ? '' : 's'} in scope, ${result.filesParsed} parsed${notParsed.length > 0 ? `, ${notParsed.length} not parsed` : ''}. ${findings.length} violation${findings.length === 1 ? '' : 's'} (${findings.filter((finding) => finding.fixable).length} fixable, ${manual.length} manual).`,
  );
  return lines.join('\n') + '\n';
}

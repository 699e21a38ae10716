// The Markdown report, for pull-request comments and job summaries.
import type { RunResult } from '../result/types.js';
import { allFindings, countByKind, filesWithStatus, sortFindings } from '../result/counts.js';

export function renderMarkdown(result: RunResult): string {
  const findings = allFindings(result);
  const lines = ['## ssot-migrate scan', '', '| phase | kind | violations | fixable | manual | files |', '|---|---|---:|---:|---:|---:|'];
  for (const count of countByKind(findings)) {
    lines.push(`| ${count.phase} | ${count.kind} | ${count.total} | ${count.fixable} | ${count.manual} | ${count.files} |`);
  }
  if (result.notices) {
    lines.push('', '### Notes', '');
    for (const notice of result.notices) lines.push(`- **${notice.phase}**: ${escape(notice.message)}`);
  }
  const manual = sortFindings(findings.filter((finding) => !finding.fixable));
  if (manual.length > 0) {
    lines.push('', '### Manual items', '');
    for (const item of manual) lines.push(`- \`${item.file}:${item.line}\` **${item.phase}/${item.kind}**: ${escape(item.reason ?? item.message)}`);
  }
  const notParsed = filesWithStatus(result, 'not-parsed');
  if (notParsed.length > 0) {
    lines.push('', '### Not parsed', '');
    for (const file of notParsed) lines.push(`- \`${file.file}\`: ${escape(file.reason ?? 'not parsed')}`);
  }
  lines.push('', `${result.filesScanned} files in scope, ${result.filesParsed} parsed${notParsed.length > 0 ? `, ${notParsed.length} not parsed` : ''}.`);
  return lines.join('\n') + '\n';
}

function escape(text: string): string {
  return text.replace(/[|<>]/g, (character) => `\\${character}`);
}

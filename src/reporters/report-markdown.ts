// The migration summary from the history: per phase, what was found, what got fixed, what is
// left and what needs a human.
import { phaseTotals, shortCommit, type HistoryRecord, type PhaseTotals } from '../result/history-record.js';
import type { PhaseId } from '../result/types.js';

const TITLE = '# SSOT migration report';

export function renderReportMarkdown(records: readonly HistoryRecord[], phases: readonly PhaseId[]): string {
  const first = records[0];
  const last = records[records.length - 1];
  if (first === undefined || last === undefined) {
    return `${TITLE}\n\nNo history yet: run \`ssot-migrate scan --record\` after each phase to record one.\n`;
  }

  const lines = [
    TITLE,
    '',
    records.length === 1
      ? `**Period**: one scan, ${readableTime(first.time)} (${commitCode(first.commit)}).`
      : `**Period**: ${readableTime(first.time)} (${commitCode(first.commit)}) → ${readableTime(last.time)} (${commitCode(last.commit)}), ${records.length} scans.`,
    '',
    '| Phase | Violations found | Fixed | Remaining | Manual |',
    '|-------|-----------------:|------:|----------:|-------:|',
  ];
  const sum = { found: 0, fixed: 0, remaining: 0, manual: 0 };
  for (const phase of phases) {
    // "Found" is the phase's first measurement, not the first record's: a phase built later
    // starts counting when it was first scanned.
    const found = firstMeasured(records, phase);
    const left = firstMeasured([...records].reverse(), phase);
    if (found === undefined || left === undefined) {
      lines.push(`| ${phase} | — | — | — | — |`);
      continue;
    }
    const fixed = Math.max(0, found.total - left.total);
    lines.push(`| ${phase} | ${found.total} | ${fixed} | ${left.total} | ${left.manual} |`);
    sum.found += found.total;
    sum.fixed += fixed;
    sum.remaining += left.total;
    sum.manual += left.manual;
  }
  lines.push(`| **Total** | **${sum.found}** | **${sum.fixed}** | **${sum.remaining}** | **${sum.manual}** |`);
  if (sum.found > 0) lines.push('', `**Fixed**: ${Math.round((sum.fixed / sum.found) * 1000) / 10}% (${sum.fixed}/${sum.found}).`);

  lines.push('', '## Files with the most left', '');
  if (last.files.length === 0) lines.push('None: the last scan found no violations.');
  else last.files.forEach((entry, index) => lines.push(`${index + 1}. ${code(entry.file)}: ${entry.total}`));
  return lines.join('\n') + '\n';
}

function firstMeasured(records: readonly HistoryRecord[], phase: PhaseId): PhaseTotals | undefined {
  for (const record of records) {
    const totals = phaseTotals(record, phase);
    if (totals !== undefined) return totals;
  }
  return undefined;
}

/** `2025-03-01T12:00:00.000Z` → `2025-03-01 12:00 UTC`; any other ISO form is shown as written. */
function readableTime(time: string): string {
  const utc = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(time);
  return utc === null ? time : `${utc[1]} ${utc[2]} UTC`;
}

function commitCode(commit: string | null): string {
  return commit === null ? 'no commit' : code(shortCommit(commit));
}

/** A code span that survives backticks in the text (CommonMark: a longer fence than any run inside). */
function code(text: string): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = longestRun > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

// The benchmark's tables: aligned text for the terminal, Markdown for the README.
// × floor: how many floors this costs; vs jscodeshift: how many times faster than jscodeshift's
// runner (blank on its own row).
const HEADERS = ['what', 'runs', 'wall median', 'min', 'max', 'CPU', 'peak RSS', '× floor', 'vs jscodeshift'];

function cells(row) {
  return [
    row.what,
    String(row.runs ?? ''),
    duration(row.median),
    duration(row.min),
    duration(row.max),
    row.cpu === undefined ? '' : duration(row.cpu),
    row.rss === undefined ? '' : `${(row.rss / 1024).toFixed(0)} MiB`,
    ratio(row.xFloor),
    versus(row.speedupOverJscodeshift),
  ];
}

export function textTable(rows) {
  const body = rows.map(cells);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...body.map((line) => line[column].length)));
  const line = (values) => values.map((value, column) => (column === 0 ? value.padEnd(widths[column]) : value.padStart(widths[column]))).join('  ');
  return [line(HEADERS), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

export function markdownTable(rows) {
  return [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map((_, column) => (column === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${cells(row).join(' | ')} |`)].join('\n');
}

export function duration(ms) {
  if (ms === undefined) return '';
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function versus(speedup) {
  if (speedup === undefined || !Number.isFinite(speedup)) return '';
  return speedup >= 1 ? `${ratio(speedup)}× faster` : `${ratio(1 / speedup)}× slower`;
}

function ratio(value) {
  if (value === undefined || !Number.isFinite(value)) return '';
  return value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

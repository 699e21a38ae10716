// The review page of `run <phase> --html FILE`: one self-contained HTML file with the summary,
// a file list with counts, every file's diff side by side with why it changes, and every item
// grouped by kind and reason, filterable. Paths are repo-relative only. It loads
// nothing (inline CSS, a few lines of inline JS, and a CSP that forbids any other source), so it
// opens from file:// on a machine without network, and stays light for hundreds of files:
// static rows only, no script per line, sections the browser lays out only when scrolled to.
import path from 'node:path';
import type { FileResult, Finding, PhaseId, RunResult } from '../result/types.js';
import { allFindings, countByPhase, filesWithStatus, sortFindings } from '../result/counts.js';
import { changedLineCounts, hunkHeader, hunksOf } from '../result/file-diff.js';
import { sideBySide, type NumberedLine, type SideBySideRow } from './side-by-side.js';

export interface ReviewPageOptions {
  /** The page's title and heading; by default `ssot-migrate run <phase>: review`. */
  title?: string;
}

/** Names the tool in every review page: tells a page ssot-migrate wrote (which it may write over) from anyone else's. */
export const REVIEW_PAGE_GENERATOR = '<meta name="generator" content="ssot-migrate">';

export function renderReviewPage(result: RunResult, phase: PhaseId, options: ReviewPageOptions = {}): string {
  const title = options.title ?? `ssot-migrate run ${phase}: review`;
  const changed = filesWithStatus(result, 'changed', 'deleted');
  const anchors = anchorsFor(changed);
  const body = [
    renderHeader(result, phase, title, changed),
    renderFileList(changed, phase, anchors),
    renderItems(result, phase, anchors),
    ...changed.map((file) => renderFileSection(file, phase, anchors.get(file.file)!)),
    renderSkipped(result),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    REVIEW_PAGE_GENERATOR,
    // Nothing but this file's own style and script may load: no fonts, images, frames or fetches.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Text made safe for element content and for double- or single-quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function renderHeader(result: RunResult, phase: PhaseId, title: string, changed: FileResult[]): string {
  const before = countByPhase(allFindings(result, 'before'), phase);
  const after = countByPhase(allFindings(result, 'after'), phase);
  const skipped = filesWithStatus(result, 'skipped', 'error');
  const deleted = changed.filter((file) => file.status === 'deleted').length;
  const facts: Array<[string, string, string]> = [
    ['phase', 'phase', phase],
    ['files-changed', 'files changed', `${changed.length}${deleted > 0 ? ` (${deleted} deleted)` : ''}`],
    ['violations', 'violations', `${before.total} → ${after.total}`],
    ['manual', 'manual items', String(after.manual)],
    ['skipped', 'skipped or failed files', String(skipped.length)],
    ['scanned', 'files in scope', `${result.filesScanned} (${result.filesParsed} parsed)`],
  ];
  return [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    // The folder's name only: a page passed around must not carry the reviewer's disk layout.
    `<p class="repo">in <code>${escapeHtml(path.basename(result.repo))}</code></p>`,
    '<dl class="summary">',
    ...facts.map(([key, label, value]) => `<div data-fact="${key}"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`),
    '</dl>',
    `<p class="hint">A dry run: nothing has been written. <code>ssot-migrate run ${escapeHtml(phase)} --write</code> applies exactly these changes.</p>`,
    '</header>',
  ].join('\n');
}

function renderFileList(changed: FileResult[], phase: PhaseId, anchors: Map<string, string>): string {
  const lines = ['<nav id="files" aria-label="Changed files">', `<h2>Changed files (${changed.length})</h2>`];
  if (changed.length === 0) {
    lines.push('<p class="empty">No file would change.</p>', '</nav>');
    return lines.join('\n');
  }
  lines.push(
    '<p class="tools"><input type="search" id="file-filter" placeholder="Filter files" aria-label="Filter files"> <button type="button" data-toggle="open">Expand all</button> <button type="button" data-toggle="close">Collapse all</button></p>',
    '<table class="file-list">',
    '<thead><tr><th>file</th><th>status</th><th class="n">fixable before</th><th class="n">manual after</th><th class="n">lines</th></tr></thead>',
    '<tbody>',
  );
  for (const file of changed) {
    const counts = fileCounts(file, phase);
    const lineCounts = changedLineCounts(hunksOf(file));
    lines.push(
      `<tr data-file="${escapeHtml(file.file)}">` +
        `<td><a href="#${anchors.get(file.file)!}">${escapeHtml(file.file)}</a></td>` +
        `<td><span class="status status-${file.status}">${file.status}</span></td>` +
        `<td class="n" data-count="fixable">${counts.fixableBefore}</td>` +
        `<td class="n" data-count="manual">${counts.manualAfter}</td>` +
        `<td class="n"><span class="added-count">+${lineCounts.added}</span> <span class="removed-count">−${lineCounts.removed}</span></td>` +
        '</tr>',
    );
  }
  lines.push('</tbody>', '</table>', '</nav>');
  return lines.join('\n');
}

function fileCounts(file: FileResult, phase: PhaseId): { fixableBefore: number; manualAfter: number } {
  return {
    fixableBefore: file.findingsBefore.filter((finding) => finding.phase === phase && finding.fixable).length,
    manualAfter: file.findingsAfter.filter((finding) => finding.phase === phase && !finding.fixable).length,
  };
}

function renderFileSection(file: FileResult, phase: PhaseId, anchor: string): string {
  const counts = fileCounts(file, phase);
  const hunks = hunksOf(file);
  const lines = [
    `<section class="file" id="${anchor}" data-file="${escapeHtml(file.file)}">`,
    '<details open>',
    `<summary><span class="path">${escapeHtml(file.file)}</span> <span class="status status-${file.status}">${file.status}</span>` +
      ` <span class="counts">${counts.fixableBefore} fixable before, ${counts.manualAfter} manual after</span> <a class="top" href="#files">files ↑</a></summary>`,
    ...renderWhy(file, phase),
  ];
  if (hunks.length === 0) {
    lines.push('<p class="empty">No line-level changes to show.</p>');
  } else {
    lines.push(
      '<table class="diff">',
      '<colgroup><col class="num"><col class="code"><col class="num"><col class="code"></colgroup>',
      '<thead><tr><th colspan="2">before</th><th colspan="2">after</th></tr></thead>',
    );
    for (const hunk of hunks) {
      lines.push('<tbody>', `<tr class="hunk"><td colspan="4">${escapeHtml(hunkHeader(hunk))}</td></tr>`);
      for (const row of sideBySide(hunk)) lines.push(renderRow(row));
      lines.push('</tbody>');
    }
    lines.push('</table>');
  }
  lines.push('</details>', '</section>');
  return lines.join('\n');
}

function renderRow(row: SideBySideRow): string {
  if (row.kind === 'context') {
    return `<tr class="context">${cells(row.old, 'context', undefined)}${cells(row.new, 'context', undefined)}</tr>`;
  }
  const highlight = row.old && row.new ? changedSpan(row.old.text, row.new.text) : undefined;
  return `<tr class="change">${cells(row.old, 'removed', highlight?.old)}${cells(row.new, 'added', highlight?.new)}</tr>`;
}

type Span = { start: number; end: number };

function cells(line: NumberedLine | undefined, kind: 'context' | 'removed' | 'added', highlight: Span | undefined): string {
  if (!line) return '<td class="num empty"></td><td class="code empty"></td>';
  let code: string;
  if (highlight && highlight.start < highlight.end) {
    const { text } = line;
    code = `${escapeHtml(text.slice(0, highlight.start))}<mark>${escapeHtml(text.slice(highlight.start, highlight.end))}</mark>${escapeHtml(text.slice(highlight.end))}`;
  } else {
    code = escapeHtml(line.text);
  }
  const notes = [line.carriageReturn ? '<span class="eol" title="CRLF line ending">␍</span>' : '', line.noNewlineAtEnd ? '<span class="eol" title="No newline at end of file">⏎̸</span>' : ''].join('');
  return `<td class="num ${kind}">${line.number}</td><td class="code ${kind}">${code}${notes}</td>`;
}

/**
 * The part of a paired line that changed: what lies between the longest common prefix and the
 * longest common suffix. A word diff would find more, but a single span is what an import edit
 * needs and costs nothing on long lines.
 */
function changedSpan(before: string, after: string): { old: Span; new: Span } | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never cut a surrogate pair in two: the halves would not survive as UTF-8.
  if (prefix > 0 && (isLowSurrogate(before.charCodeAt(prefix)) || isLowSurrogate(after.charCodeAt(prefix)))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { old: { start: prefix, end: before.length - suffix }, new: { start: prefix, end: after.length - suffix } };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Why a changed file changes: its deletion's reason with the line that shows it, and each fix with its message. */
function renderWhy(file: FileResult, phase: PhaseId): string[] {
  const lines: string[] = [];
  if (file.deletion && file.status === 'deleted') {
    const { reason, line, evidence } = file.deletion;
    const shown = line !== undefined ? ` <span class="evidence">line ${line}${evidence ? `: <code>${escapeHtml(evidence)}</code>` : ''}</span>` : '';
    lines.push(`<p class="why deletion"><strong>Deleted:</strong> ${escapeHtml(reason)}${shown}</p>`);
  }
  const fixes = sortFindings(file.findingsBefore.filter((finding) => finding.phase === phase && finding.fixable));
  if (fixes.length > 0) {
    lines.push('<ul class="why fixes">');
    for (const fix of fixes) lines.push(`<li><code>${fix.line}:${fix.column}</code> <span class="kind">${escapeHtml(fix.kind)}</span> ${escapeHtml(fix.message)}</li>`);
    lines.push('</ul>');
  }
  return lines;
}

/** What an item is there for: a manual item's reason (or its message), a fix's message. */
function reasonOf(item: Finding): string {
  return item.fixable ? item.message : (item.reason ?? item.message);
}

interface ItemGroup {
  phase: PhaseId;
  kind: string;
  fixable: boolean;
  /** The items by reason. */
  reasons: Map<string, Finding[]>;
  count: number;
}

/**
 * The run's items, what it fixes (fixable before, in the files it changes) and what it leaves
 * (manual after), grouped by kind and then by reason, with counts: manual groups first, the
 * largest reasons first. Filters narrow them by phase, kind, fixable or manual.
 */
function renderItems(result: RunResult, phase: PhaseId, anchors: Map<string, string>): string {
  const fixed = filesWithStatus(result, 'changed', 'deleted').flatMap((file) => file.findingsBefore.filter((finding) => finding.phase === phase && finding.fixable));
  const manual = allFindings(result, 'after').filter((finding) => finding.phase === phase && !finding.fixable);
  const groups = groupItems(sortFindings([...fixed, ...manual]));
  const lines = ['<section id="items">', `<h2>Items (${fixed.length + manual.length}: ${fixed.length} fixable, ${manual.length} manual)</h2>`];
  if (manual.length === 0) lines.push('<p class="empty">Nothing is left for a human.</p>');
  if (groups.length === 0) {
    lines.push('</section>');
    return lines.join('\n');
  }
  const option = (value: string): string => `<option value="${escapeHtml(value)}">${escapeHtml(value)}</option>`;
  lines.push(
    '<p class="tools filters">',
    `<label>phase <select id="filter-phase"><option value="">every phase</option>${[...new Set(groups.map((group) => group.phase))].map(option).join('')}</select></label>`,
    `<label>kind <select id="filter-kind"><option value="">every kind</option>${[...new Set(groups.map((group) => group.kind))].sort().map(option).join('')}</select></label>`,
    `<label><input type="checkbox" id="filter-fixable" checked> fixable (${fixed.length})</label>`,
    `<label><input type="checkbox" id="filter-manual" checked> manual (${manual.length})</label>`,
    '</p>',
  );
  for (const group of groups) {
    const nature = group.fixable ? 'fixable' : 'manual';
    lines.push(
      `<div class="group" data-phase="${escapeHtml(group.phase)}" data-kind="${escapeHtml(group.kind)}" data-fixable="${group.fixable}">`,
      `<h3><span class="kind">${escapeHtml(group.kind)}</span> <span class="badge badge-${nature}">${nature}</span> <span class="count">${group.count}</span></h3>`,
    );
    const reasons = [...group.reasons].sort(([a, itemsA], [b, itemsB]) => itemsB.length - itemsA.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const [reason, items] of reasons) {
      lines.push('<div class="reason-group">', `<p class="reason"><span class="count">${items.length}</span> ${escapeHtml(reason)}</p>`, '<ul class="locations">');
      for (const item of items) lines.push(renderLocation(item, reason, anchors));
      lines.push('</ul>', '</div>');
    }
    lines.push('</div>');
  }
  lines.push('<p class="empty" id="items-none" hidden>No item matches the filters.</p>', '</section>');
  return lines.join('\n');
}

function groupItems(items: readonly Finding[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const item of items) {
    const key = `${item.fixable}\0${item.phase}\0${item.kind}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { phase: item.phase, kind: item.kind, fixable: item.fixable, reasons: new Map(), count: 0 }));
    const reason = reasonOf(item);
    group.reasons.set(reason, [...(group.reasons.get(reason) ?? []), item]);
    group.count++;
  }
  const order = (group: ItemGroup): string => `${group.fixable ? 1 : 0}\0${group.phase}\0${group.kind}`;
  return [...groups.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** An item's place, linking to its file's diff when the file changes; its message when the reason does not already say it. */
function renderLocation(item: Finding, reason: string, anchors: Map<string, string>): string {
  const location = escapeHtml(`${item.file}:${item.line}:${item.column}`);
  const anchor = anchors.get(item.file);
  const place = anchor ? `<a href="#${anchor}">${location}</a>` : location;
  const message = item.message === reason ? '' : ` <span class="message">${escapeHtml(item.message)}</span>`;
  return `<li data-file="${escapeHtml(item.file)}"><code>${place}</code>${message}</li>`;
}

function renderSkipped(result: RunResult): string {
  const skipped = filesWithStatus(result, 'skipped', 'error');
  const lines = ['<section id="skipped">', `<h2>Skipped and failed files (${skipped.length})</h2>`];
  if (skipped.length === 0) {
    lines.push('<p class="empty">Every file in scope was read.</p>');
  } else {
    lines.push('<ul class="skipped">');
    for (const file of skipped) {
      lines.push(
        `<li data-file="${escapeHtml(file.file)}"><span class="status status-${file.status}">${file.status}</span> <code>${escapeHtml(file.file)}</code>: ${escapeHtml(file.error ?? 'no reason given')}</li>`,
      );
    }
    lines.push('</ul>');
  }
  lines.push('</section>');
  return lines.join('\n');
}

/**
 * Fragment ids from the paths, so a link to a file's section survives the next run. Characters
 * outside a small safe set become `~hex~` (`~` is not in the set, so distinct paths keep distinct
 * ids), which keeps the ids valid and the hrefs free of escaping; the numbered suffix is a guard
 * only.
 */
function anchorsFor(files: FileResult[]): Map<string, string> {
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  for (const file of files) {
    const base = 'file-' + file.file.replace(/[^\w./-]/gu, (character) => `~${character.codePointAt(0)!.toString(16)}~`);
    let anchor = base;
    for (let index = 2; used.has(anchor); index++) anchor = `${base}-${index}`;
    used.add(anchor);
    anchors.set(file.file, anchor);
  }
  return anchors;
}

// Removed red, added green, a darker mark on the part of a paired line that changed; every
// colour is a variable, so the page follows the reader's light or dark scheme. Sections off
// screen skip layout (content-visibility), which keeps a page of hundreds of diffs fast.
const STYLE = `
:root { color-scheme: light dark; --text: #1f2328; --background: #fff; --panel: #f6f8fa; --hunk: #ddf4ff; --badge: #eaeef2; --removed: #ffebe9; --removed-mark: #ffc1bc; --added: #e6ffec; --added-mark: #abf2bc; --warn: #fff8c5; --line: #d0d7de; --muted: #57606a; --link: #0969da; --added-text: #1a7f37; --removed-text: #cf222e; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6edf3; --background: #0d1117; --panel: #161b22; --hunk: #121d2f; --badge: #30363d; --removed: #3c1618; --removed-mark: #842a2e; --added: #12261e; --added-mark: #1f6f3a; --warn: #3b2e05; --line: #30363d; --muted: #8d96a0; --link: #4493f8; --added-text: #3fb950; --removed-text: #f85149; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 0 1.5rem 3rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--text); background: var(--background); }
a { color: var(--link); }
header { padding: 1rem 0 0.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 0 0 0.25rem; }
.repo, .hint, .empty { color: var(--muted); margin: 0.25rem 0; }
code, .diff td.code, .diff .hunk td, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.summary { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0.75rem 0; }
.summary div { display: flex; flex-direction: column; }
.summary dt { color: var(--muted); font-size: 12px; }
.summary dd { margin: 0; font-size: 1.2rem; font-weight: 600; }
table { border-collapse: collapse; }
.file-list { width: 100%; }
.file-list th, .file-list td { text-align: left; padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.file-list td.n, .file-list th.n { text-align: right; white-space: nowrap; }
.added-count { color: var(--added-text); }
.removed-count { color: var(--removed-text); }
.status, .badge { font-size: 11px; padding: 0 0.4rem; border-radius: 0.6rem; background: var(--badge); }
.status-deleted, .status-error, .badge-manual { background: var(--removed); }
.status-skipped { background: var(--warn); }
.badge-fixable { background: var(--added); }
.tools { margin: 0.5rem 0; }
.tools input[type="search"] { width: 20rem; max-width: 100%; padding: 0.2rem 0.4rem; }
.filters label { margin-right: 1rem; }
.group { margin: 0.75rem 0; padding: 0.5rem 0.75rem; border: 1px solid var(--line); border-radius: 6px; }
.group .count { color: var(--muted); font-weight: normal; }
.reason-group { margin: 0.4rem 0 0 0.5rem; }
.reason { margin: 0; }
.reason .count { display: inline-block; min-width: 2rem; }
.locations { margin: 0.1rem 0 0; padding-left: 2.5rem; }
.locations .message { color: var(--muted); }
.why { margin: 0; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
ul.why { padding-left: 1.8rem; }
.why .kind, .evidence { color: var(--muted); }
section.file { margin: 1.25rem 0; border: 1px solid var(--line); border-radius: 6px; content-visibility: auto; contain-intrinsic-size: auto 20rem; }
section.file summary { padding: 0.4rem 0.6rem; background: var(--panel); border-bottom: 1px solid var(--line); cursor: pointer; }
section.file .counts { color: var(--muted); font-size: 12px; }
section.file .top { float: right; font-size: 12px; }
.diff { width: 100%; table-layout: fixed; }
.diff col.num { width: 3.5rem; }
.diff th { font-weight: normal; color: var(--muted); text-align: left; padding: 0.1rem 0.5rem; font-size: 12px; }
.diff td { padding: 0 0.5rem; vertical-align: top; }
.diff td.num { text-align: right; color: var(--muted); user-select: none; font-family: ui-monospace, monospace; font-size: 12px; }
.diff td.code { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
.diff td.code + td.num { border-left: 1px solid var(--line); }
.diff .hunk td { background: var(--hunk); color: var(--muted); padding: 0.15rem 0.5rem; }
.diff td.removed { background: var(--removed); }
.diff td.added { background: var(--added); }
.diff td.removed mark { background: var(--removed-mark); color: inherit; }
.diff td.added mark { background: var(--added-mark); color: inherit; }
.diff td.empty { background: var(--panel); }
.eol { color: var(--muted); margin-left: 0.2rem; }
.skipped li { margin: 0.2rem 0; }
[hidden] { display: none !important; }
`;

// Navigation only: a filter over the file list and the sections, expand or collapse all, the
// item filters, and a link to a collapsed file that opens it. The page works without it.
const SCRIPT = `
(function () {
  var filter = document.getElementById('file-filter');
  var rows = document.querySelectorAll('.file-list tbody tr');
  var sections = document.querySelectorAll('section.file');
  if (filter) filter.addEventListener('input', function () {
    var needle = filter.value.toLowerCase();
    var show = function (element) { element.hidden = needle !== '' && element.getAttribute('data-file').toLowerCase().indexOf(needle) === -1; };
    rows.forEach(show);
    sections.forEach(show);
  });
  document.querySelectorAll('button[data-toggle]').forEach(function (button) {
    button.addEventListener('click', function () {
      var open = button.getAttribute('data-toggle') === 'open';
      document.querySelectorAll('section.file details').forEach(function (details) { details.open = open; });
    });
  });
  var controls = ['filter-phase', 'filter-kind', 'filter-fixable', 'filter-manual'].map(function (id) { return document.getElementById(id); });
  var applyFilters = function () {
    var phase = controls[0].value, kind = controls[1].value, fixable = controls[2].checked, manual = controls[3].checked;
    var shown = 0;
    document.querySelectorAll('#items .group').forEach(function (group) {
      var isFixable = group.getAttribute('data-fixable') === 'true';
      group.hidden = (phase !== '' && group.getAttribute('data-phase') !== phase) || (kind !== '' && group.getAttribute('data-kind') !== kind) || (isFixable ? !fixable : !manual);
      if (!group.hidden) shown++;
    });
    document.getElementById('items-none').hidden = shown > 0;
  };
  if (controls[0]) controls.forEach(function (control) { control.addEventListener('change', applyFilters); });
  var reveal = function () {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target || !target.matches('section.file')) return;
    target.hidden = false;
    target.querySelector('details').open = true;
    target.scrollIntoView();
  };
  window.addEventListener('hashchange', reveal);
  reveal();
})();
`;

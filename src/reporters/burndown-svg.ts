// The burn-down chart: violations left per phase over the recorded scans, as one self-contained
// SVG (no scripts, no fonts or images to fetch) that a browser, a PR comment or a wiki shows as is.
// Each phase draws two lines: what it can still fix (solid) and what is left to do by hand
// (dotted), so a finished phase visibly reaches zero fixable while its manual items stay.
import { dayOf, phaseTotals, shortCommit, type HistoryRecord, type PhaseTotals } from '../result/history-record.js';
import type { PhaseId } from '../result/types.js';

const WIDTH = 760;
const HEIGHT = 420;
const PLOT = { left: 64, right: WIDTH - 190, top: 72, bottom: HEIGHT - 84 };
const TITLE = 'ssot-migrate burn-down: violations left per phase';
/** Okabe–Ito colours, told apart by colour-blind readers; dashes tell them apart in greyscale. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
/** The manual line of every phase: dotted and thinner, so the two kinds read apart in any colour. */
const MANUAL_DASH = '2 3';
const KINDS = ['fixable', 'manual'] as const;
type Kind = (typeof KINDS)[number];
/** Below this many pixels per label the x labels would overlap, so only every n-th is written. */
const LABEL_SPACING = 64;
/** A legend row: the phase, its total, its fixable and its manual change. */
const LEGEND_ROW = 60;

export function renderBurndownSvg(records: readonly HistoryRecord[], phases: readonly PhaseId[]): string {
  const body = records.length < 2 ? notEnoughRecords(records, phases) : chart(records, phases);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="burndown-title" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title id="burndown-title">${escapeXml(TITLE)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(TITLE)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function notEnoughRecords(records: readonly HistoryRecord[], phases: readonly PhaseId[]): string[] {
  const record = records[0];
  const lines =
    record === undefined
      ? ['No history yet.', 'Run `ssot-migrate scan --record` after each phase to record one.']
      : [`One scan recorded (${dayOf(record.time)}, ${shortCommit(record.commit)}): a burn-down needs two.`, ...phases.map((phase) => `${phase}: ${describeTotal(record, phase)}`)];
  return lines.map((line, index) => `<text x="${WIDTH / 2}" y="${HEIGHT / 2 - 20 + index * 20}" text-anchor="middle" fill="#333333">${escapeXml(line)}</text>`);
}

function chart(records: readonly HistoryRecord[], phases: readonly PhaseId[]): string[] {
  const first = records[0]!;
  const last = records[records.length - 1]!;
  const highest = Math.max(0, ...records.flatMap((record) => phases.flatMap((phase) => KINDS.map((kind) => phaseTotals(record, phase)?.[kind] ?? 0))));
  const { top, step } = yScale(highest);
  const x = (index: number): number => PLOT.left + (index * (PLOT.right - PLOT.left)) / (records.length - 1);
  const y = (value: number): number => PLOT.bottom - (value * (PLOT.bottom - PLOT.top)) / top;

  const out = [
    `<text x="${WIDTH / 2}" y="50" text-anchor="middle" fill="#555555">${escapeXml(`${records.length} scans, ${dayOf(first.time)} (${shortCommit(first.commit)}) → ${dayOf(last.time)} (${shortCommit(last.commit)})`)}</text>`,
  ];

  out.push('<g class="y-axis" fill="#555555" text-anchor="end">');
  for (let value = 0; value <= top; value += step) {
    out.push(`<line x1="${PLOT.left}" y1="${number(y(value))}" x2="${PLOT.right}" y2="${number(y(value))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${PLOT.left - 8}" y="${number(y(value) + 4)}">${value}</text>`);
  }
  out.push(`<text transform="translate(18 ${number((PLOT.top + PLOT.bottom) / 2)}) rotate(-90)" text-anchor="middle">violations left</text>`);
  out.push('</g>');

  out.push('<g class="x-axis" fill="#555555" text-anchor="middle">');
  out.push(`<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="#333333"/>`);
  out.push(`<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="#333333"/>`);
  const every = labelEvery(records.length);
  records.forEach((record, index) => {
    out.push(`<line x1="${number(x(index))}" y1="${PLOT.bottom}" x2="${number(x(index))}" y2="${PLOT.bottom + 5}" stroke="#333333"/>`);
    if (index % every !== 0 && index !== records.length - 1) return;
    // The last scan is always labelled; the regular label before it yields when they would touch.
    if (index !== records.length - 1 && records.length - 1 - index < every / 2) return;
    out.push(`<text x="${number(x(index))}" y="${PLOT.bottom + 18}">${escapeXml(shortCommit(record.commit))}</text>`);
    out.push(`<text x="${number(x(index))}" y="${PLOT.bottom + 32}">${escapeXml(dayOf(record.time))}</text>`);
  });
  out.push(`<text x="${number((PLOT.left + PLOT.right) / 2)}" y="${PLOT.bottom + 56}">scans (commit, date)</text>`);
  out.push('</g>');

  phases.forEach((phase, phaseIndex) => {
    const colour = COLOURS[phaseIndex % COLOURS.length]!;
    out.push(`<g class="phase" data-phase="${escapeXml(phase)}">`);
    for (const kind of KINDS) {
      const points = records.map((record) => phaseTotals(record, phase)?.[kind]);
      // A scan that did not measure the phase breaks the line instead of reading as 0.
      let path = '';
      points.forEach((value, index) => {
        if (value === undefined) return;
        path += `${path === '' || points[index - 1] === undefined ? 'M' : 'L'}${number(x(index))} ${number(y(value))} `;
      });
      // data-values: the numbers drawn, one per scan ('' where it was not measured), for readers and tests.
      out.push(`<path class="${kind}" data-values="${points.map((value) => value ?? '').join(',')}" d="${path.trimEnd()}" ${lineStyle(colour, kind)}/>`);
      points.forEach((value, index) => {
        if (value === undefined) return;
        const record = records[index]!;
        const label = `${phase}: ${value} ${kind} left at ${shortCommit(record.commit)}, ${record.time}`;
        const marker =
          kind === 'fixable'
            ? `<circle cx="${number(x(index))}" cy="${number(y(value))}" r="3" fill="${colour}">`
            : `<rect x="${number(x(index) - 2.5)}" y="${number(y(value) - 2.5)}" width="5" height="5" fill="#ffffff" stroke="${colour}">`;
        out.push(`${marker}<title>${escapeXml(label)}</title>${kind === 'fixable' ? '</circle>' : '</rect>'}`);
      });
    }
    out.push('</g>');
  });

  out.push('<g class="legend">');
  // The key to the two line styles, then one row per phase.
  const keyY = PLOT.top - 4;
  out.push(`<line x1="${PLOT.right + 20}" y1="${keyY}" x2="${PLOT.right + 48}" y2="${keyY}" ${lineStyle('#333333', 'fixable')}/>`);
  out.push(`<text x="${PLOT.right + 56}" y="${keyY + 4}" fill="#333333">fixable by the phase</text>`);
  out.push(`<line x1="${PLOT.right + 20}" y1="${keyY + 16}" x2="${PLOT.right + 48}" y2="${keyY + 16}" ${lineStyle('#333333', 'manual')}/>`);
  out.push(`<text x="${PLOT.right + 56}" y="${keyY + 20}" fill="#333333">manual (by hand)</text>`);
  phases.forEach((phase, phaseIndex) => {
    const colour = COLOURS[phaseIndex % COLOURS.length]!;
    const rowY = PLOT.top + 36 + phaseIndex * LEGEND_ROW;
    const measured = records.map((record) => phaseTotals(record, phase)).filter((totals): totals is PhaseTotals => totals !== undefined);
    const change = (read: (totals: PhaseTotals) => number): string => `${read(measured[0]!)} → ${read(measured[measured.length - 1]!)}`;
    out.push(`<line x1="${PLOT.right + 20}" y1="${rowY}" x2="${PLOT.right + 48}" y2="${rowY}" ${lineStyle(colour, 'fixable')}/>`);
    out.push(`<text x="${PLOT.right + 56}" y="${rowY + 4}" font-weight="bold">${escapeXml(phase)}</text>`);
    if (measured.length === 0) {
      out.push(`<text x="${PLOT.right + 56}" y="${rowY + 20}" fill="#555555">not measured</text>`);
      return;
    }
    out.push(`<text x="${PLOT.right + 56}" y="${rowY + 20}" fill="#555555">${escapeXml(change((totals) => totals.total))}</text>`);
    out.push(`<text class="fixable" x="${PLOT.right + 56}" y="${rowY + 34}" fill="#555555">${escapeXml(`fixable ${change((totals) => totals.fixable)}`)}</text>`);
    out.push(`<text class="manual" x="${PLOT.right + 56}" y="${rowY + 48}" fill="#555555">${escapeXml(`manual ${change((totals) => totals.manual)}`)}</text>`);
  });
  out.push('</g>');
  return out;
}

function lineStyle(colour: string, kind: Kind): string {
  return kind === 'fixable' ? `fill="none" stroke="${colour}" stroke-width="2"` : `fill="none" stroke="${colour}" stroke-width="1.5" stroke-dasharray="${MANUAL_DASH}"`;
}

function describeTotal(record: HistoryRecord, phase: PhaseId): string {
  const totals = phaseTotals(record, phase);
  return totals === undefined ? 'not measured' : `${totals.total} left (${totals.manual} manual)`;
}

/** A y axis from 0 with about five ticks on round numbers (1, 2 or 5 × 10ⁿ). */
function yScale(highest: number): { top: number; step: number } {
  if (highest <= 0) return { top: 1, step: 1 };
  const rough = highest / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!,
  );
  return { top: Math.ceil(highest / step) * step, step };
}

function labelEvery(count: number): number {
  const room = Math.max(1, Math.floor((PLOT.right - PLOT.left) / LABEL_SPACING) + 1);
  return Math.max(1, Math.ceil(count / room));
}

/** One decimal at most, so the same history always prints the same coordinates. */
function number(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// The history file: one JSON line per `scan --record`, append-only, so the burn-down can be
// drawn from it and two branches that each append a line merge without touching each other.
import fs from 'node:fs';
import path from 'node:path';
import { SsotError } from '../errors.js';
import { allFindings, countByKind } from '../result/counts.js';
import type { HistoryRecord } from '../result/history-record.js';
import type { RunResult } from '../result/types.js';

export const DEFAULT_HISTORY_FILE = '.ssot/history.jsonl';

/** How many of the files with the most violations left a record keeps. */
const TOP_FILES = 10;

/** The record of a scan: its violations as found (a scan changes nothing, so "before" is "now"). */
export function recordFrom(result: RunResult, meta: { time: Date; commit: string | null }): HistoryRecord {
  const findings = allFindings(result);
  const perFile = new Map<string, number>();
  for (const finding of findings) perFile.set(finding.file, (perFile.get(finding.file) ?? 0) + 1);
  const files = [...perFile]
    .map(([file, total]) => ({ file, total }))
    .sort((a, b) => b.total - a.total || compareText(a.file, b.file))
    .slice(0, TOP_FILES);
  return {
    time: meta.time.toISOString(),
    commit: meta.commit,
    phases: [...result.phases],
    counts: countByKind(findings).map(({ phase, kind, total, fixable, manual }) => ({ phase, kind, total, fixable, manual })),
    files,
  };
}

/**
 * Appends one line. A single append of one whole line keeps concurrent writers from interleaving
 * inside a record; a file whose last line lost its newline (a hand edit) gets one first, so the new
 * record never glues onto it.
 */
export function appendRecord(file: string, record: HistoryRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const separator = endsWithoutNewline(file) ? '\n' : '';
  fs.appendFileSync(file, `${separator}${JSON.stringify(record)}\n`, 'utf8');
}

/** Every record in file order; a missing file is an empty history, a bad line is an error naming it. */
export function readHistory(file: string): HistoryRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: HistoryRecord[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') return;
    const fail = (why: string): never => {
      throw new SsotError('HISTORY_INVALID', `${file}:${index + 1}: not a history record (${why})`, {
        file,
        fix: 'fix or delete that line: the history holds one JSON object per line, written by `scan --record`',
      });
    };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return fail((error as Error).message);
    }
    const problem = recordProblem(value);
    if (problem !== undefined) fail(problem);
    records.push(value as HistoryRecord);
  });
  return records;
}

/** What makes a parsed line not a record, or undefined when it is one. Phase names are not checked against a list: phases added later must read old and new histories alike. */
function recordProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'expected a JSON object';
  if (typeof value.time !== 'string' || Number.isNaN(Date.parse(value.time))) return '"time" must be an ISO 8601 date';
  if (value.commit !== null && typeof value.commit !== 'string') return '"commit" must be a string or null';
  if (value.phases !== undefined && !(Array.isArray(value.phases) && value.phases.every((phase) => typeof phase === 'string'))) return '"phases" must be a list of phase names';
  if (!Array.isArray(value.counts)) return '"counts" must be a list';
  for (const [index, count] of value.counts.entries()) {
    const where = `"counts[${index}]"`;
    if (!isObject(count) || typeof count.phase !== 'string' || typeof count.kind !== 'string') return `${where} must name a phase and a kind`;
    for (const field of ['total', 'fixable', 'manual'] as const) {
      if (!isCount(count[field])) return `${where}.${field} must be a whole number ≥ 0`;
    }
  }
  if (!Array.isArray(value.files)) return '"files" must be a list';
  for (const [index, entry] of value.files.entries()) {
    if (!isObject(entry) || typeof entry.file !== 'string' || !isCount(entry.total)) return `"files[${index}]" must be { file, total }`;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function endsWithoutNewline(file: string): boolean {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(descriptor).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    fs.readSync(descriptor, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Code-point order, not locale order: the same paths sort the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

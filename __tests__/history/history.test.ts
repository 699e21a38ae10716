import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendRecord, DEFAULT_HISTORY_FILE, readHistory, recordFrom } from '../../src/history/history';
import type { HistoryRecord } from '../../src/result/history-record';
import { SsotError } from '../../src/errors';
import type { FileResult, Finding, RunResult } from '../../src/result/types';

const finding = (file: string, overrides: Partial<Finding> = {}): Finding => ({
  phase: 'imports',
  kind: 'legacy-import',
  message: 'legacy import',
  messageId: 'legacyNames',
  data: {},
  fixable: true,
  file,
  line: 1,
  column: 1,
  ...overrides,
});

const fileResult = (file: string, findingsBefore: Finding[]): FileResult => ({ file, status: 'unchanged', findingsBefore, findingsAfter: [], mentions: [] });

describe('recordFrom', () => {
  const result: RunResult = {
    command: 'scan',
    phases: ['imports', 'facades'],
    repo: '/repo',
    filesScanned: 20,
    filesParsed: 20,
    files: [
      fileResult('src/b.ts', [finding('src/b.ts'), finding('src/b.ts', { kind: 'dual-import' })]),
      fileResult('src/a.ts', [finding('src/a.ts'), finding('src/a.ts', { phase: 'facades', kind: 'facade-module', fixable: false, reason: 'has logic' })]),
      fileResult('src/c.ts', [finding('src/c.ts'), finding('src/c.ts'), finding('src/c.ts')]),
      // Eleven files with one violation each: only the first by path make the top ten.
      ...Array.from({ length: 11 }, (_, index) => fileResult(`src/z${String(index).padStart(2, '0')}.ts`, [finding(`src/z${String(index).padStart(2, '0')}.ts`)])),
      fileResult('src/clean.ts', []),
    ],
  };
  const record = recordFrom(result, { time: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)), commit: 'abc1234def' });

  it('stamps the time as ISO 8601 and keeps the commit and the measured phases', () => {
    expect(record.time).toBe('2025-01-02T03:04:05.000Z');
    expect(record.commit).toBe('abc1234def');
    expect(record.phases).toEqual(['imports', 'facades']);
  });

  it('counts per phase and kind, fixable and manual', () => {
    expect(record.counts).toEqual([
      { phase: 'facades', kind: 'facade-module', total: 1, fixable: 0, manual: 1 },
      { phase: 'imports', kind: 'dual-import', total: 1, fixable: 1, manual: 0 },
      { phase: 'imports', kind: 'legacy-import', total: 16, fixable: 16, manual: 0 },
    ]);
  });

  it('keeps the ten files with the most left, most first, ties by path, no clean files', () => {
    expect(record.files).toEqual([
      { file: 'src/c.ts', total: 3 },
      { file: 'src/a.ts', total: 2 },
      { file: 'src/b.ts', total: 2 },
      ...['00', '01', '02', '03', '04', '05', '06'].map((suffix) => ({ file: `src/z${suffix}.ts`, total: 1 })),
    ]);
  });

  it('records null outside git', () => {
    expect(recordFrom(result, { time: new Date(0), commit: null }).commit).toBeNull();
  });
});

describe('the history file', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-history-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const record = (total: number, commit: string | null): HistoryRecord => ({
    time: `2025-01-0${total}T00:00:00.000Z`,
    commit,
    phases: ['imports'],
    counts: [{ phase: 'imports', kind: 'legacy-import', total, fixable: total, manual: 0 }],
    files: [{ file: 'src/a.ts', total }],
  });

  it('lives in .ssot/history.jsonl by default', () => {
    expect(DEFAULT_HISTORY_FILE).toBe('.ssot/history.jsonl');
  });

  it('is an empty history when missing', () => {
    expect(readHistory(path.join(folder, 'nothing.jsonl'))).toEqual([]);
  });

  it('creates its folders and appends one line per record, read back in order', () => {
    const file = path.join(folder, DEFAULT_HISTORY_FILE);
    appendRecord(file, record(5, 'aaaaaaa'));
    appendRecord(file, record(3, null));
    const text = fs.readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(3);
    expect(readHistory(file)).toEqual([record(5, 'aaaaaaa'), record(3, null)]);
  });

  it('never glues a record onto a last line that lost its newline', () => {
    const file = path.join(folder, 'history.jsonl');
    fs.writeFileSync(file, JSON.stringify(record(5, 'aaaaaaa')));
    appendRecord(file, record(3, 'bbbbbbb'));
    expect(readHistory(file).map((entry) => entry.commit)).toEqual(['aaaaaaa', 'bbbbbbb']);
  });

  it('skips blank lines and reads CRLF files', () => {
    const file = path.join(folder, 'history.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(record(5, 'a'))}\r\n\r\n${JSON.stringify(record(4, 'b'))}\r\n`);
    expect(readHistory(file)).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{"time": ', /not a history record \(.*JSON/],
    ['an array', '[]', /not a history record \(expected a JSON object\)/],
    ['a bad time', JSON.stringify({ ...record(1, 'a'), time: 'yesterday' }), /"time" must be an ISO 8601 date/],
    ['a negative count', JSON.stringify({ ...record(1, 'a'), counts: [{ phase: 'imports', kind: 'k', total: -1, fixable: 0, manual: 0 }] }), /"counts\[0\]"\.total/],
    ['no files', JSON.stringify({ ...record(1, 'a'), files: undefined }), /"files" must be a list/],
  ])('names the file and line of %s', (_what, badLine, why) => {
    const file = path.join(folder, 'history.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(record(5, 'a'))}\n\n${badLine}\n`);
    let caught: unknown;
    try {
      readHistory(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SsotError);
    expect((caught as SsotError).code).toBe('HISTORY_INVALID');
    expect((caught as SsotError).message).toMatch(new RegExp(`^${escapeRegExp(file)}:3: not a history record \\(`));
    expect((caught as SsotError).message).toMatch(why);
    expect((caught as SsotError).file).toBe(file);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

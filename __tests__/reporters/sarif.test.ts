// The SARIF report against the SARIF 2.1.0 schema, on a fixed result and on a real scan of the example.
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { loadConfig } from '../../src/config/load-config';
import { runEngine } from '../../src/engine/run-engine';
import { allFindings } from '../../src/result/counts';
import { migrationAnchor, renderSarif } from '../../src/reporters/sarif';
import type { PhaseId, RunResult } from '../../src/result/types';
import { makeFinding } from '../helpers/result-fixtures';

const ROOT = path.join(__dirname, '..', '..');
const TOOL = { name: 'ssot-migrate', version: '0.1.0', informationUri: 'https://github.com/example/ssot-migrate' };

// The schema ships with the devDependency @microsoft/jest-sarif. It is draft-04, which ajv 8 no
// longer reads, but it uses nothing draft-04-only (no boolean exclusiveMinimum, only local
// `#/definitions` refs): renaming the root `id` to `$id` and dropping the draft-04 `$schema` lets
// ajv 8 compile it unchanged otherwise. Its three formats are checked here too, since ajv 8
// without ajv-formats would skip them and a bad URI would pass. `unicodeRegExp: false` because the
// schema's language pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) has a stray `]` that only
// the `u` flag rejects.
function sarifValidator(): ValidateFunction {
  const packageFolder = path.dirname(require.resolve('@microsoft/jest-sarif/package.json'));
  const { $schema: _draft04, id, ...schema } = JSON.parse(fs.readFileSync(path.join(packageFolder, 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  ajv.addFormat('uri-reference', (text: string) => !/\s/.test(text) && URL.canParse(text, 'file:///base/'));
  ajv.addFormat('date-time', (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(text) && !Number.isNaN(Date.parse(text)));
  return ajv.compile({ $id: id, ...schema });
}
const validate = sarifValidator();

function expectValidSarif(text: string): void {
  const valid = validate(JSON.parse(text));
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

const finding = makeFinding;

const manualItem = finding({ file: 'src/b.ts', kind: 'no-counterpart', message: '"getWebSocketManager" stays', fixable: false, reason: 'no canonical counterpart', line: 3, column: 10 });

function fixedResult(options: { aLine?: number } = {}): RunResult {
  const aLine = options.aLine ?? 1;
  return {
    command: 'scan',
    phases: ['imports'],
    repo: '/repo',
    filesScanned: 4,
    filesParsed: 3,
    files: [
      // Deliberately out of order: the report sorts by file, line, column and rule.
      { file: 'src/b.ts', status: 'unchanged', findingsBefore: [manualItem], findingsAfter: [manualItem], mentions: [] },
      {
        file: 'src/a.ts',
        status: 'changed',
        findingsBefore: [finding({ line: aLine + 1, kind: 'dual-import', message: 'imports both' }), finding({ line: aLine })],
        findingsAfter: [],
        mentions: [{ phase: 'imports', file: 'src/a.ts', line: 9, column: 1, where: 'comment', text: 'see ./websocket_manager' }],
      },
      { file: 'src/c.ts', status: 'skipped', findingsBefore: [], findingsAfter: [], mentions: [], error: 'src/c.ts:2:5: cannot be parsed (Unexpected token); skipped' },
      { file: 'src/d.ts', status: 'unchanged', findingsBefore: [], findingsAfter: [], mentions: [] },
    ],
  };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number; startColumn: number } } }>;
  partialFingerprints: Record<string, string>;
}

function parse(text: string) {
  const log = JSON.parse(text);
  expect(log.runs).toHaveLength(1);
  return { log, run: log.runs[0], results: log.runs[0].results as SarifResult[] };
}

describe('sarif reporter', () => {
  it('writes a log that validates against the SARIF 2.1.0 schema', () => {
    const text = renderSarif(fixedResult(), TOOL);
    expectValidSarif(text);
    const { log, run } = parse(text);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'ssot-migrate', version: '0.1.0', informationUri: TOOL.informationUri });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const { log } = parse(renderSarif(fixedResult(), TOOL));
    delete log.runs[0].results[0].message;
    expect(validate(log)).toBe(false);
  });

  it('has one rule per phase and kind, linked to the phase section of MIGRATION.md', () => {
    const { run } = parse(renderSarif(fixedResult(), TOOL));
    const rules = run.tool.driver.rules as Array<{ id: string; helpUri: string; shortDescription: { text: string } }>;
    expect(rules.map((rule) => rule.id)).toEqual(['imports/dual-import', 'imports/legacy-import', 'imports/no-counterpart']);
    expect(rules[0]!.shortDescription.text).toBe('Import consolidation: dual import');
    expect(rules[0]!.helpUri).toBe('https://github.com/example/ssot-migrate/blob/HEAD/MIGRATION.md#phase-1-imports');
  });

  it('leaves helpUri out without an informationUri', () => {
    const text = renderSarif(fixedResult(), { name: 'ssot-migrate', version: '0.1.0' });
    expectValidSarif(text);
    expect(text).not.toContain('helpUri');
    expect(text).not.toContain('informationUri');
  });

  it('has one result per finding, in file, line, column and rule order, with levels, messages and locations', () => {
    const { run, results } = parse(renderSarif(fixedResult(), TOOL));
    expect(results).toHaveLength(3);
    expect(results.map((result) => [result.ruleId, result.level, result.locations[0]!.physicalLocation.artifactLocation.uri, result.locations[0]!.physicalLocation.region])).toEqual([
      ['imports/legacy-import', 'warning', 'src/a.ts', { startLine: 1, startColumn: 1 }],
      ['imports/dual-import', 'warning', 'src/a.ts', { startLine: 2, startColumn: 1 }],
      ['imports/no-counterpart', 'note', 'src/b.ts', { startLine: 3, startColumn: 10 }],
    ]);
    for (const result of results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
    expect(results[0]!.message.text).toBe('WebSocketManager from legacy module src/websocket_manager.ts');
    expect(results[2]!.message.text).toBe('"getWebSocketManager" stays — manual: no canonical counterpart');
  });

  it('does not report mentions as results', () => {
    const text = renderSarif(fixedResult(), TOOL);
    expect(text).not.toContain('see ./websocket_manager');
  });

  it('keeps fingerprints when code moves to other lines, and tells identical findings apart', () => {
    const fingerprints = (result: RunResult) => parse(renderSarif(result, TOOL)).results.map((sarif) => Object.values(sarif.partialFingerprints)[0]);
    const before = fingerprints(fixedResult());
    const moved = fingerprints(fixedResult({ aLine: 40 }));
    expect(moved).toEqual(before);
    expect(new Set(before).size).toBe(before.length);

    const twice = fixedResult();
    twice.files[1]!.findingsBefore = [finding({ line: 1 }), finding({ line: 7 })];
    const [first, second] = fingerprints(twice);
    expect(first).not.toBe(second);
  });

  it('reports skipped files as error notifications and an unsuccessful execution', () => {
    const { run } = parse(renderSarif(fixedResult(), TOOL));
    const [invocation] = run.invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'src/c.ts:2:5: cannot be parsed (Unexpected token); skipped' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/c.ts', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
  });

  it('says the execution succeeded when nothing was skipped, and validates with no findings at all', () => {
    const clean: RunResult = { ...fixedResult(), files: [] };
    const text = renderSarif(clean, TOOL);
    expectValidSarif(text);
    const { run, results } = parse(text);
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([]);
    expect(results).toEqual([]);
    expect(run.tool.driver.rules).toEqual([]);
  });

  it('is deterministic: the same result gives the same bytes', () => {
    expect(renderSarif(fixedResult(), TOOL)).toBe(renderSarif(fixedResult(), TOOL));
  });

  it('encodes file names into URIs', () => {
    const odd = fixedResult();
    odd.files = [{ file: 'src/my file#1.ts', status: 'unchanged', findingsBefore: [finding({ file: 'src/my file#1.ts' })], findingsAfter: [], mentions: [] }];
    const text = renderSarif(odd, TOOL);
    expectValidSarif(text);
    expect(parse(text).results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('src/my%20file%231.ts');
  });

  it('links every phase to a heading that MIGRATION.md has', () => {
    const headings = fs
      .readFileSync(path.join(ROOT, 'MIGRATION.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## '))
      // GitHub's slug: lower case, punctuation dropped, spaces to hyphens.
      .map((line) =>
        line
          .slice(3)
          .trim()
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      );
    const phases: PhaseId[] = ['imports', 'facades', 'signatures', 'factories'];
    for (const phase of phases) expect(headings).toContain(migrationAnchor(phase));
  });

  it('validates on a real scan of the example, one result per finding', () => {
    const repoRoot = path.join(ROOT, 'examples', 'websocket-core');
    const { config } = loadConfig(repoRoot);
    const result = runEngine({ repoRoot, config, command: 'scan', phases: ['imports'] });
    const text = renderSarif(result, TOOL);
    expectValidSarif(text);
    const findings = allFindings(result);
    expect(findings.length).toBe(110);
    const { results } = parse(text);
    expect(results).toHaveLength(findings.length);
    const fingerprints = results.map((sarif) => Object.values(sarif.partialFingerprints)[0]);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });
});

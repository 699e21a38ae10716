import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../../src/config/load-config';
import { createProject } from '../../src/engine/project';
import { runEngine } from '../../src/engine/run-engine';
import { surveyFacades, type FacadeSurvey } from '../../transforms/facades/facade-detection';
import { makeRepo } from '../helpers/cli-repo';
import { applyPhase, copyCrossFileCase, describeCrossFileCases, fixtureCases, FIXTURES_ROOT, readInput, transformFixture } from '../helpers/phase-fixtures';

const cases = fixtureCases('facades');

describe('facades fixtures', () => {
  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const input = readInput('facades', fixture);
    let result: ReturnType<typeof transformFixture>;
    let output: string;
    beforeAll(() => {
      result = transformFixture('facades', fixture.input, input);
      output = result?.newText ?? input;
    });

    it(fixture.expected === undefined ? 'is left unchanged' : 'is rewritten as expected', () => {
      expect(result?.error).toBeUndefined();
      expect(output).toBe(fixture.expected ?? input);
    });

    it('changes nothing on a second run, and leaves nothing fixable', () => {
      const second = transformFixture('facades', fixture.input, output);
      expect(second?.newText ?? output).toBe(output);
      expect((second?.findingsBefore ?? []).filter((finding) => finding.fixable)).toEqual([]);
    });
  });

  it('inlines a deprecated wrapper at its call site and points the imports at the canonical module', () => {
    const fixture = cases.find((candidate) => candidate.name === 'consumer')!;
    const kinds = transformFixture('facades', fixture.input, readInput('facades', fixture))!.findingsBefore.map((finding) => [finding.kind, finding.line, finding.fixable]);
    expect(kinds).toEqual([
      ['wrapper-call', 7, true],
      ['facade-import', 2, true],
    ]);
  });
});

/** Findings of a scan of the phase over a repo on disk. */
function scanFindings(repoRoot: string) {
  const { config } = loadConfig(repoRoot);
  return runEngine({ repoRoot, config, command: 'scan', phases: ['facades'] }).files.flatMap((file) => file.findingsBefore);
}

describeCrossFileCases('facades');

describe('facade detection', () => {
  const surveys = new Map<string, FacadeSurvey>();
  const survey = (name: string): FacadeSurvey => {
    let found = surveys.get(name);
    if (!found) {
      const repoRoot = path.join(FIXTURES_ROOT, 'facades', name, 'input');
      const { config } = loadConfig(repoRoot);
      found = surveyFacades(createProject({ repoRoot, config }), config.canonical!.module);
      surveys.set(name, found);
    }
    return found;
  };
  const evidenceOf = (name: string) => Object.fromEntries(survey(name).facades.map((facade) => [facade.file, facade.evidence.map((item) => [item.kind, item.line])]));

  it('names re-exports and chains of barrels', () => {
    expect(evidenceOf('reexport-chain')).toEqual({
      'src/core/ws_exports.ts': [
        ['re-export', 2],
        ['re-export', 3],
      ],
      'src/core/barrel.ts': [['re-export', 1]],
      'src/core/outer.ts': [['re-export', 1]],
    });
  });

  it('names aliases: a const, a type, `export { A as B }`', () => {
    expect(evidenceOf('aliases')).toEqual({
      'src/core/manager_alias.ts': [
        ['alias', 4],
        ['alias', 5],
      ],
      'src/core/renamed.ts': [['alias', 1]],
    });
  });

  it('names empty subclasses, with or without a pass-through constructor', () => {
    expect(evidenceOf('empty-subclass')).toEqual({
      'src/core/legacy_manager.ts': [['empty-subclass', 3]],
      'src/core/compat_manager.ts': [['empty-subclass', 3]],
    });
  });

  it('names delegating wrappers and deprecated shims with the call they make', () => {
    const wrappers = survey('delegating-wrapper').facades[0]!;
    expect(wrappers.evidence.map((item) => [item.kind, item.line, item.text])).toEqual([
      ['delegating-wrapper', 3, 'createManagerForUser(context) only calls createWebSocketManager(context)'],
      ['delegating-wrapper', 7, 'sendToUser(manager, message, userId) only calls manager.sendMessage(userId, message)'],
    ]);
    expect(evidenceOf('deprecated-shim')).toEqual({ 'src/core/compat.ts': [['deprecated-shim', 4]] });
  });

  it('names default↔named flips both ways', () => {
    expect(evidenceOf('default-flip')).toEqual({
      'src/core/default_manager.ts': [['default-flip', 3]],
      'src/core/named_manager.ts': [['default-flip', 3]],
    });
  });

  it('does not take a consumer with logic of its own for a facade', () => {
    expect(Object.keys(evidenceOf('namespace-import'))).toEqual(['src/core/ws_manager_exports.ts']);
    expect(survey('namespace-import').real).toEqual([]);
  });

  it('reports a module with real logic with each reason at its line, the class at its export statement', () => {
    const { facades, real } = survey('real-logic');
    expect(facades).toEqual([]);
    expect(real).toEqual([
      {
        file: 'src/core/manager.ts',
        reasons: [
          { line: 3, column: 1, text: 'holds state: const managers = new Map…' },
          { line: 5, column: 1, text: 'its own implementation of canonical methods: class WebSocketManager declares sendMessage' },
          { line: 5, column: 1, text: 'declares class WebSocketManager with its own members' },
        ],
      },
    ]);
  });

  it('keeps a public entry point (package.json main, config facades.keep) but rewires its internal consumers', () => {
    const findings = scanFindings(path.join(FIXTURES_ROOT, 'facades', 'kept-entry-point', 'input'));
    expect(findings.filter((finding) => finding.kind === 'facade').map((finding) => finding.file)).toEqual(['src/core/internal_barrel.ts']);
    expect(findings.every((finding) => finding.fixable)).toBe(true);
  });

  it('keeps src/index.ts when package.json names ./index.js (a package published from its build folder)', () => {
    const repoRoot = makeRepo({
      'package.json': JSON.stringify({ name: 'lib', exports: { '.': { require: './index.js' } } }),
      'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts'], canonical: { module: 'src/core.ts' } }),
      'src/core.ts': 'export class Core {}\n',
      'src/index.ts': "export * from './core';\n",
      'src/barrel.ts': "export * from './core';\n",
    }).root;
    expect(
      scanFindings(repoRoot)
        .filter((finding) => finding.kind === 'facade')
        .map((finding) => finding.file),
    ).toEqual(['src/barrel.ts']);
  });

  it('puts a line comment of an argument the inlined call moves on a line of its own above the statement', () => {
    const repoRoot = copyCrossFileCase('facades', 'delegating-wrapper-comments');
    try {
      const app = path.join(repoRoot, 'src/app.ts');
      fs.writeFileSync(app, fs.readFileSync(app, 'utf8').replace('    manager,\n', "    manager, // the user's manager\n"));
      applyPhase('facades', repoRoot);
      expect(fs.readFileSync(app, 'utf8')).toContain("  // the user's manager\n  manager.sendMessage(userId, 'hello' /* greeting */); // who gets it\n");
    } finally {
      fs.rmSync(repoRoot, { recursive: true, force: true });
    }
  });

  it('leaves an `import()` of a barrel whose module object is used for a person, where the kept barrel points', () => {
    const repoRoot = makeRepo({
      'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts'], facades: { discover: 'barrels' } }),
      'src/ui/index.ts': "export { a } from './a';\nexport { b } from './b';\n",
      'src/ui/a.ts': 'export const a = 1;\n',
      'src/ui/b.ts': 'export const b = 2;\n',
      'src/main.ts': "import { a } from './ui';\nexport const load = () => import('./ui');\nexport const x = a;\n",
    }).root;
    const manual = scanFindings(repoRoot).filter((finding) => !finding.fixable);
    expect(manual.map((finding) => [finding.file, finding.line, finding.reason])).toEqual([
      ['src/main.ts', 2, 'the module object of src/ui/index.ts is used here, and no one module replaces it: import what this code needs from where it lives, by hand'],
      ['src/ui/index.ts', 1, 'kept: src/main.ts:2 still imports it after the rewrite (see the manual items there)'],
    ]);
  });

  it('flattens the other barrels when one hands on a folder that is not in the repo (a build output)', () => {
    const repoRoot = makeRepo({
      'ssot.config.json': JSON.stringify({ include: ['*.ts', 'lib/**/*.ts'], facades: { discover: 'barrels' } }),
      '.gitignore': 'dist\n',
      'index.ts': "export * from './dist';\n",
      'lib/utils/index.ts': "export * from './sleep';\n",
      'lib/utils/sleep.ts': 'export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));\n',
      'lib/a.ts': "import { sleep } from './utils';\nexport const pause = () => sleep(10);\n",
    }).root;
    expect(scanFindings(repoRoot).map((finding) => [finding.kind, finding.file, finding.fixable])).toEqual([
      ['facade-import', 'lib/a.ts', true],
      ['facade', 'lib/utils/index.ts', true],
    ]);
  });

  it('keeps a detected facade nothing imports (maybe an entry point used from outside); deletes one the config names', () => {
    const findings = scanFindings(path.join(FIXTURES_ROOT, 'facades', 'unimported-facade', 'input')).filter((finding) => finding.kind === 'facade');
    expect(findings.map((finding) => [finding.file, finding.fixable]).sort()).toEqual([
      ['src/core/entry.ts', false],
      ['src/core/legacy_alias.ts', true],
      ['src/core/old_alias.ts', true],
    ]);
    expect(findings.find((finding) => !finding.fixable)?.reason).toContain('nothing in the repo imports it');
  });

  it('names the first eight reasons a module is real, and counts the rest', () => {
    const constants = Array.from({ length: 12 }, (_, index) => `const SETTING_${index} = new Map<string, number>();`);
    const repoRoot = makeRepo({
      'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts'], canonical: { module: 'src/core.ts' } }),
      'src/core.ts': 'export class Core {}\n',
      'src/settings.ts': [...constants, "export { Core } from './core';", ''].join('\n'),
    }).root;
    const reason = scanFindings(repoRoot).find((finding) => finding.kind === 'real-module')?.reason ?? '';
    expect(reason).toMatch(/^has logic of its own: holds state: const SETTING_0 = new Map… \(line 1\); /);
    expect(reason.match(/\(line \d+\)/g)).toHaveLength(8);
    expect(reason).toMatch(/SETTING_7 = new Map… \(line 8\); and 4 more$/);
  });

  it('inlines a wrapper that returns nothing only where its result is unused, and leaves the other calls for a person', () => {
    const findings = scanFindings(path.join(FIXTURES_ROOT, 'facades', 'delegating-wrapper-void', 'input')).filter((finding) => finding.kind === 'wrapper-call');
    const unused = 'the wrapper returns nothing and its result is used here: inline it by hand';
    const sites = findings.map((finding) => [finding.file, finding.line, finding.fixable, finding.reason]).sort((a, b) => `${a[0]}:${a[1]}`.localeCompare(`${b[0]}:${b[1]}`));
    expect(sites).toEqual([
      ['src/app.ts', 5, true, undefined],
      ['src/app.ts', 6, true, undefined],
      ['src/app.ts', 7, true, undefined],
      ['src/results.ts', 5, false, unused],
      ['src/results.ts', 6, false, unused],
      ['src/results.ts', 7, false, unused],
    ]);
  });

  it('reports the real module as a manual item in a scan', () => {
    const findings = scanFindings(path.join(FIXTURES_ROOT, 'facades', 'real-logic', 'input'));
    expect(findings).toEqual([expect.objectContaining({ kind: 'real-module', file: 'src/core/manager.ts', line: 3, fixable: false, reason: expect.stringContaining('holds state') })]);
  });
});

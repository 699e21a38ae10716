// Users' own jscodeshift transforms as phases: a published codemod package and small local
// transforms, run through the CLI in-process on small repos, against jscodeshift's own runner.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { changedPaths, filesInDiff, makeRepo, parseScanJson, ROOT, spawnNode, type TempRepo } from '../helpers/cli-repo';
import { createPatch } from '../../src/engine/patch';

/** A published jscodeshift codemod (plain CommonJS JavaScript): require/exports → import/export. */
const CODEMOD = 'commonjs-to-es-module-codemod';
const JSCODESHIFT_BIN = path.join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');

const CANONICAL = { include: ['src/**/*.{js,ts}'], canonical: { module: 'src/canonical.js' } };

function config(transforms: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...CANONICAL, ...extra, transforms }, null, 2) + '\n';
}

const CJS_FILES: Record<string, string> = {
  'package.json': '{ "name": "fixture-app", "private": true }\n',
  'src/canonical.js': 'export const canonical = 1;\n',
  'src/server.js':
    "// Starts the server.\nconst express = require('express');\nconst { join } = require('path');\n\nfunction start() {\n  return express().listen(join('a', 'b'));\n}\nmodule.exports = start;\n",
  'src/util.js': 'function add(a, b) {\n  return a + b;\n}\n\nexports.add = add;\n',
  'src/plain.js': 'export const plain = true;\n',
  'src/config.ts': "const fs = require('fs');\n\nexport function read(file: string): string {\n  return fs.readFileSync(file, 'utf8');\n}\n",
};

const ESM_TRANSFORM = { id: 'esm', module: CODEMOD, terms: ['require', 'exports'], options: { silent: true } };

/** What jscodeshift's own runner writes for the same transform and files (on a copy). */
function jscodeshiftOutput(repo: TempRepo, files: Record<string, string>): Map<string, string> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-jscodeshift-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      fs.writeFileSync(path.join(copy, file), text);
    }
    const transform = require.resolve(CODEMOD, { paths: [repo.root] });
    const run = (parser: string, extension: string): void => {
      const targets = Object.keys(files).filter((file) => file.startsWith('src/') && file.endsWith(`.${extension}`));
      const result = spawnNode([JSCODESHIFT_BIN, '-t', transform, `--parser=${parser}`, `--extensions=${extension}`, '--run-in-band', '--silent', ...targets], { cwd: copy });
      expect(result.status).toBe(0);
    };
    run('babel', 'js');
    run('ts', 'ts');
    return new Map(Object.keys(files).map((file) => [file, fs.readFileSync(path.join(copy, file), 'utf8')]));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

describe('a published jscodeshift codemod as a phase', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({ ...CJS_FILES, 'ssot.config.json': config([ESM_TRANSFORM]) }, { git: true, nodeModules: true });
  });
  afterEach(() => repo.remove());

  it('dry run: the diff is exactly what jscodeshift itself writes, and nothing is written', async () => {
    const before = repo.snapshot();
    const result = await repo.run(['run', 'esm']);
    expect(result.stderr).not.toMatch(/internal error|failed/);
    expect(result.status).toBe(0);
    expect(repo.snapshot()).toEqual(before);

    const expected = jscodeshiftOutput(repo, CJS_FILES);
    const changed = [...expected]
      .filter(([file, text]) => text !== CJS_FILES[file])
      .map(([file]) => file)
      .sort();
    expect(changed).toEqual(['src/config.ts', 'src/server.js', 'src/util.js']);
    expect(filesInDiff(result.stdout)).toEqual(changed);
    expect(result.stdout).toMatch(/^esm: 3 files would change; violations 3 → 0 \(0 manual\)$/m);
    const json = JSON.parse((await repo.run(['run', 'esm', '--format', 'json'])).stdout) as { files: Array<{ file: string; patch?: string }> };
    expect(json.files.map((file) => [file.file, file.patch])).toEqual(changed.map((file) => [file, createPatch(file, CJS_FILES[file]!, expected.get(file))]));
  });

  it('--write applies the diff; a second run changes nothing; undo restores every byte', async () => {
    const before = repo.snapshot();
    const written = await repo.run(['run', 'esm', '--write']);
    expect(written.status).toBe(0);
    expect(changedPaths(before, repo.snapshot())).toEqual(['src/config.ts', 'src/server.js', 'src/util.js']);
    const expected = jscodeshiftOutput(repo, CJS_FILES);
    for (const file of ['src/config.ts', 'src/server.js', 'src/util.js']) expect(repo.read(file)).toBe(expected.get(file));

    const again = await repo.run(['run', 'esm']);
    expect(again.status).toBe(0);
    expect(filesInDiff(again.stdout)).toEqual([]);
    const scan = parseScanJson(await repo.run(['scan', '--format', 'json']));
    expect(scan.counts.filter((count) => count.phase === 'esm')).toEqual([]);

    const undone = await repo.run(['undo']);
    expect(undone.status).toBe(0);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('scan counts a would-change violation per file it would change; plan lists the transform after the built-in phases', async () => {
    const scan = await repo.run(['scan', '--format', 'json']);
    expect(scan.status).toBe(1);
    const json = parseScanJson(scan);
    expect(json.phases).toEqual(['imports', 'facades', 'signatures', 'factories', 'esm']);
    expect(json.counts.filter((count) => count.phase === 'esm')).toEqual([{ phase: 'esm', kind: 'would-change', total: 3, fixable: 3, manual: 0, files: 3 }]);
    const plan = await repo.run(['plan']);
    expect(plan.stdout).toMatch(/^5\s+esm\s+jscodeshift transform commonjs-to-es-module-codemod\s+3\s+3\s+0\s+3\s+yes: ssot-migrate run esm$/m);
  });

  it('shards split the files and together make the whole run', async () => {
    const whole = await repo.run(['run', 'esm']);
    const first = await repo.run(['run', 'esm', '--shard', '1/2']);
    const second = await repo.run(['run', 'esm', '--shard', '2/2']);
    const parts = [...filesInDiff(first.stdout), ...filesInDiff(second.stdout)].sort();
    expect(parts).toEqual(filesInDiff(whole.stdout));
    expect(filesInDiff(first.stdout).length).toBeGreaterThan(0);
    expect(filesInDiff(second.stdout).length).toBeGreaterThan(0);
  });
});

/** A local transform that renames the identifier `foo` to `bar`, logging each file it is given. */
const RENAME_FOO_TS = `import type { API, FileInfo } from 'jscodeshift';
import fs from 'node:fs';

export default function renameFoo(file: FileInfo, api: API, options: { log: string; failOn?: string; breakOn?: string; onlyIn?: string }): string | undefined {
  fs.appendFileSync(options.log, file.path + '\\n');
  if (options.onlyIn && !file.path.endsWith(options.onlyIn)) return undefined;
  if (options.failOn && file.path.endsWith(options.failOn)) throw new Error('cannot handle ' + file.path);
  if (options.breakOn && file.path.endsWith(options.breakOn)) return file.source + '\\n(((\\n';
  const j = api.jscodeshift;
  const root = j(file.source);
  const names = root.find(j.Identifier, { name: 'foo' });
  if (names.length === 0) return undefined;
  if (file.source.includes('TODO')) api.report('a TODO next to foo: check it by hand');
  names.forEach((name) => { name.node.name = 'bar'; });
  return root.toSource();
}
`;

describe('a local TypeScript transform as a phase', () => {
  let repo: TempRepo;
  let log: string;
  const files = (options: Record<string, unknown> = {}): Record<string, string> => ({
    'codemods/rename-foo.ts': RENAME_FOO_TS,
    'src/canonical.js': 'export const canonical = 1;\n',
    'src/a.ts': 'export const foo = 1;\n',
    'src/b.ts': 'import { foo } from "./a";\n// TODO\nexport const twice = foo * 2;\n',
    'src/c.ts': 'export const unrelated = 3;\n',
    'ssot.config.json': config([{ id: 'rename-foo', module: './codemods/rename-foo.ts', terms: ['foo'], options: { log, ...options } }]),
  });
  beforeEach(() => {
    log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-transform-log-')), 'seen.log');
  });
  afterEach(() => {
    repo.remove();
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
  });
  const seen = (): string[] => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);

  it('is loaded from TypeScript, gets only the files that mention a term, and its reports are manual items', async () => {
    repo = makeRepo(files(), { git: true, nodeModules: true });
    const result = await repo.run(['run', 'rename-foo', '--format', 'json']);
    expect(result.stderr).not.toMatch(/failed|internal error/);
    expect(result.status).toBe(0);
    // src/c.ts mentions no term: never parsed, never handed to the transform.
    expect(new Set(seen())).toEqual(new Set(['src/a.ts', 'src/b.ts']));
    const json = JSON.parse(result.stdout) as { filesParsed: number; files: Array<{ file: string; status: string; findingsAfter: Array<{ kind: string; reason?: string; fixable: boolean }> }> };
    expect(json.filesParsed).toBe(2);
    expect(json.files.map((file) => [file.file, file.status])).toEqual([
      ['src/a.ts', 'changed'],
      ['src/b.ts', 'changed'],
    ]);
    expect(json.files[1]!.findingsAfter).toEqual([expect.objectContaining({ kind: 'report', fixable: false, reason: 'a TODO next to foo: check it by hand' })]);
  });

  it('a transform that throws on one file fails that file only: the others are written, exit 1', async () => {
    repo = makeRepo(files({ failOn: 'b.ts' }), { git: true, nodeModules: true });
    const result = await repo.run(['run', 'rename-foo', '--write']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/src\/b\.ts: transform rename-foo failed on this file \(cannot handle src\/b\.ts\); nothing written/);
    expect(repo.read('src/a.ts')).toBe('export const bar = 1;\n');
    expect(repo.read('src/b.ts')).toBe(files()['src/b.ts']);
  });

  it('refuses to write a text that does not parse', async () => {
    repo = makeRepo(files({ breakOn: 'a.ts' }), { git: true, nodeModules: true });
    const result = await repo.run(['run', 'rename-foo', '--write']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/src\/a\.ts: the text transform rename-foo returned does not parse/);
    expect(repo.read('src/a.ts')).toBe('export const foo = 1;\n');
  });

  it('the type-check gate blocks a rewrite that breaks the types', async () => {
    repo = makeRepo(
      {
        ...files(),
        'src/d.ts': 'import { foo } from "./a";\nexport const d = foo;\n',
        'ssot.config.json': config([{ id: 'rename-foo', module: './codemods/rename-foo.ts', terms: ['foo'], options: { log, onlyIn: 'd.ts' } }], { include: ['src/**/*.ts'] }),
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', noEmit: true }, include: ['src'] }),
      },
      { git: true, nodeModules: true },
    );
    // Renaming the import in src/d.ts alone names an export src/a.ts does not have.
    const result = await repo.run(['run', 'rename-foo', '--write']);
    expect(result.stdout).toMatch(/^Type-check gate: 1 file blocked, not written/m);
    expect(result.status).toBe(1);
    expect(repo.read('src/d.ts')).toBe('import { foo } from "./a";\nexport const d = foo;\n');
  });
});

describe('module forms', () => {
  it('an ES module transform (.mjs) loads; one that returns a Promise fails each file, saying why', async () => {
    const repo = makeRepo({
      'src/canonical.js': 'export const canonical = 1;\n',
      'src/a.js': 'export const foo = 1;\n',
      'codemods/upper.mjs': "export default function upper(file) {\n  return file.source.replace('foo', 'FOO');\n}\n",
      'codemods/later.mjs': 'export default async function later(file) {\n  return file.source;\n}\n',
      'ssot.config.json': config([
        { id: 'upper', module: './codemods/upper.mjs', terms: ['foo'] },
        { id: 'later', module: './codemods/later.mjs', terms: ['foo'] },
      ]),
    });
    try {
      const upper = await repo.run(['run', 'upper']);
      expect(upper.status).toBe(0);
      expect(upper.stdout).toContain('+export const FOO = 1;');
      const later = await repo.run(['run', 'later']);
      expect(later.status).toBe(1);
      expect(later.stdout).toMatch(/src\/a\.js: transform later failed on this file \(the transform returned a Promise; transforms run synchronously here/);
    } finally {
      repo.remove();
    }
  });
});

describe('config errors name the field and the config file', () => {
  const expectConfigError = async (transforms: unknown[], pattern: RegExp, args: string[] = ['scan']): Promise<void> => {
    const repo = makeRepo({ 'src/canonical.js': 'export const canonical = 1;\n', 'ssot.config.json': config(transforms) });
    try {
      const result = await repo.run(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(repo.path('ssot.config.json'));
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toMatch(/internal error/);
    } finally {
      repo.remove();
    }
  };

  it('an id that is a built-in phase', () => expectConfigError([{ id: 'imports', module: './x.js', terms: ['x'] }], /transforms\[0\]\.id: "imports" is a built-in phase/));

  it('an id two transforms share', () =>
    expectConfigError(
      [
        { id: 'same', module: './x.js', terms: ['x'] },
        { id: 'same', module: './y.js', terms: ['y'] },
      ],
      /transforms\[1\]\.id: "same" is already the id of transforms\[0\]/,
    ));

  it('no terms', () => expectConfigError([{ id: 'x', module: './x.js', terms: [] }], /transforms\[0\]\.terms: expected at least 1 item/));

  it('a module that is not there, when the transform runs', () =>
    expectConfigError([{ id: 'x', module: './codemods/missing.js', terms: ['x'] }], /transforms\[0\]\.module: "\.\/codemods\/missing\.js" is not a file/, ['run', 'x']));

  it('a run of a phase that is neither built in nor configured says what there is', () =>
    expectConfigError([{ id: 'rename-foo', module: './x.js', terms: ['x'] }], /"rename-fo" is not a phase: .*rename-foo; did you mean rename-foo\?/, ['run', 'rename-fo']));
});

// The type-check gate on a solution-style tsconfig ("files": [] and "references"): each changed
// file is checked in the referenced project that contains it, and a changed file that no project
// contains is not written unchecked.
import { verifyChanges } from '../../src/engine/type-check-gate';
import type { FileResult } from '../../src/result/types';
import { makeRepo, type TempRepo } from '../helpers/cli-repo';

const compilerOptions = { strict: true, target: 'ES2020', module: 'commonjs', lib: ['ES2020'], types: [], composite: true };

/** A root solution that references a nested solution, which references two projects (app uses core). */
const solution = {
  'tsconfig.base.json': JSON.stringify({ compilerOptions }),
  'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './packages' }] }),
  'packages/tsconfig.json': JSON.stringify({ files: [], references: [{ path: './core' }, { path: './app' }] }),
  'packages/core/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
  'packages/app/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'], references: [{ path: '../core' }] }),
  'ssot.config.json': JSON.stringify({
    include: ['packages/*/src/**/*.ts', 'scripts/**/*.ts'],
    canonical: { module: 'packages/core/src/ids.ts' },
    legacy: [{ module: 'packages/core/src/legacy_ids.ts', exports: { makeId: 'makeNumericId', PREFIX: 'PREFIX' } }],
  }),
  'packages/core/src/ids.ts': "export function makeNumericId(): number {\n  return 42;\n}\nexport const PREFIX = 'id-';\n",
  'packages/core/src/legacy_ids.ts': "export function makeId(): string {\n  return 'id-42';\n}\nexport const PREFIX = 'id-';\n",
  // After the rewrite makeId() returns a number where a string is expected: a new type error.
  'packages/core/src/owner.ts': "import { makeId } from './legacy_ids';\n\nexport const ownerId: string = makeId();\n",
  // The same in the other project, which reaches core through its reference.
  'packages/app/src/user.ts': "import { makeId } from '../../core/src/legacy_ids';\n\nexport const userId: string = makeId();\n",
  // Fine after the rewrite.
  'packages/app/src/label.ts': "import { PREFIX } from '../../core/src/legacy_ids';\n\nexport const label = `${PREFIX}user`;\n",
};

describe('the type-check gate on a solution-style tsconfig', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('checks each changed file in the referenced project that contains it and blocks the ones that add a type error', async () => {
    repo = makeRepo(solution, { git: true });
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.stdout).toMatch(/packages\/core\/src\/owner\.ts: blocked by the type-check gate: packages\/core\/src\/owner\.ts:3:\d+ TS2322 Type 'number' is not assignable to type 'string'/);
    expect(result.stdout).toMatch(/packages\/app\/src\/user\.ts: blocked by the type-check gate: packages\/app\/src\/user\.ts:3:\d+ TS2322 /);
    expect(result.stdout).toContain('Type-check gate: 2 files blocked, not written');
    expect(result.status).toBe(1);
    expect(repo.read('packages/core/src/owner.ts')).toBe(solution['packages/core/src/owner.ts']);
    expect(repo.read('packages/app/src/user.ts')).toBe(solution['packages/app/src/user.ts']);
    expect(repo.read('packages/app/src/label.ts')).toContain("from '../../core/src/ids'");
  });

  it('blocks a changed file that no project contains, names it, and writes it with --no-verify', async () => {
    const files = {
      ...solution,
      'packages/core/src/owner.ts': "import { PREFIX } from './legacy_ids';\n\nexport const owner = `${PREFIX}owner`;\n",
      'packages/app/src/user.ts': "export const userId = 'u1';\n",
      // In scope for the migration, but in no TypeScript project: nothing can type-check it.
      'scripts/seed.ts': "import { PREFIX } from '../packages/core/src/legacy_ids';\n\nexport const seed = PREFIX;\n",
    };
    repo = makeRepo(files, { git: true });
    const gated = await repo.run(['run', 'imports', '--write']);
    expect(gated.stdout).toMatch(/scripts\/seed\.ts: blocked by the type-check gate: no TypeScript project of tsconfig\.json contains it/);
    expect(gated.stdout).toMatch(/Type-check gate: 1 file blocked, not written \(in no project: scripts\/seed\.ts/);
    expect(gated.status).toBe(1);
    expect(repo.read('scripts/seed.ts')).toBe(files['scripts/seed.ts']);
    expect(repo.read('packages/core/src/owner.ts')).toContain("from './ids'");

    const unchecked = await repo.run(['run', 'imports', '--write', '--no-verify']);
    expect(unchecked.status).toBe(0);
    expect(repo.read('scripts/seed.ts')).toContain("from '../packages/core/src/ids'");
  });

  it('counts as checked only the files a program contained', async () => {
    const files = {
      ...solution,
      'packages/core/src/owner.ts': "import { PREFIX } from './legacy_ids';\n\nexport const owner = `${PREFIX}owner`;\n",
      'packages/app/src/user.ts': "export const userId = 'u1';\n",
      // Imports a changed file of the other project: checked in its own project (app).
      'packages/app/src/banner.ts': "import { owner } from '../../core/src/owner';\n\nexport const banner = owner.toUpperCase();\n",
    };
    repo = makeRepo(files, { git: true });
    const result = await repo.run(['run', 'imports']);
    // Changed: core/src/owner.ts and app/src/label.ts; app/src/banner.ts imports owner.ts.
    expect(result.stdout).toContain('Type-check gate: would pass (no new diagnostics in 3 files checked)');
    expect(result.stderr).toContain('type-checking 3 files in 2 projects…');
  });

  it('checks a file no project of the tsconfig contains in the nearest tsconfig.json of its folders, as an editor does', async () => {
    const options = { strict: true, target: 'ES2020', module: 'commonjs', lib: ['ES2020'], types: [] };
    repo = makeRepo({
      'tsconfig.json': JSON.stringify({ compilerOptions: options, include: ['src'] }),
      'src/ids.ts': "export function makeId(): string {\n  return 'id';\n}\n",
      // A tools folder with a tsconfig of its own, and a scripts folder without one.
      'tools/tsconfig.json': JSON.stringify({ compilerOptions: options, include: ['**/*.ts'] }),
      'tools/seed.ts': "import { makeId } from '../src/ids';\n\nexport const seed: string = makeId();\n",
      'tools/report.ts': "import { seed } from './seed';\n\nexport const report = seed.length;\n",
      'scripts/run.ts': 'export const run = 1;\n',
    });
    const change = (file: string, newText: string): FileResult => ({ file, status: 'changed', newText, findingsBefore: [], findingsAfter: [], mentions: [] }) as unknown as FileResult;
    const result = await verifyChanges({
      repoRoot: repo.root,
      tsconfig: repo.path('tsconfig.json'),
      // A number where its importer reads a string's length: a new error in tools/report.ts.
      changes: [change('tools/seed.ts', 'export const seed: number = 1;\n'), change('scripts/run.ts', 'export const run = 2;\n')],
    });
    expect(result.unowned).toEqual(['scripts/run.ts']);
    expect(result.checked).toBe(2);
    expect([...result.blocked.keys()]).toEqual(['tools/seed.ts']);
    expect(result.blocked.get('tools/seed.ts')![0]).toMatchObject({ file: 'tools/report.ts', code: 2339 });
  });
});

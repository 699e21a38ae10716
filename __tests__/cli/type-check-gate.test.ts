// The type-check gate: a change that adds a TypeScript diagnostic is not written; the rest is.
import { makeRepo, type TempRepo } from '../helpers/cli-repo';

const files = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2020', module: 'commonjs', lib: ['ES2020'], types: [] }, include: ['src'] }),
  'ssot.config.json': JSON.stringify({
    include: ['src/**/*.ts'],
    canonical: { module: 'src/ids.ts' },
    legacy: [{ module: 'src/legacy_ids.ts', exports: { makeId: 'makeNumericId', PREFIX: 'PREFIX' } }],
  }),
  'src/ids.ts': "export function makeNumericId(): number {\n  return 42;\n}\nexport const PREFIX = 'id-';\n",
  'src/legacy_ids.ts': "export function makeId(): string {\n  return 'id-42';\n}\nexport const PREFIX = 'id-';\n",
  // After the rewrite, makeId() returns a number where a string is expected: a new type error.
  'src/user.ts': "import { makeId } from './legacy_ids';\n\nexport const userId: string = makeId();\n",
  // This one is fine after the rewrite.
  'src/label.ts': "import { PREFIX } from './legacy_ids';\n\nexport const label = `${PREFIX}user`;\n",
};

describe('the type-check gate', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo(files, { git: true });
  });
  afterEach(() => repo.remove());

  it('blocks the change that adds a type error, names the diagnostic and its hunk, and writes the rest', async () => {
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/src\/user\.ts: blocked by the type-check gate: src\/user\.ts:3:\d+ TS2322 Type 'number' is not assignable to type 'string'\. \[@@ -1,3 \+1,3 @@\]; not written/);
    expect(result.stdout).toContain('Type-check gate: 1 file blocked, not written');
    expect(repo.read('src/user.ts')).toBe(files['src/user.ts']);
    expect(repo.read('src/label.ts')).toContain("from './ids'");
  });

  it('says in the dry run that the change would be blocked, and leaves the blocked file out of the diff', async () => {
    const result = await repo.run(['run', 'imports']);
    expect(result.stdout).toContain('Type-check gate: 1 file would be blocked');
    expect(result.stdout).not.toContain('diff --git a/src/user.ts');
    expect(result.stdout).toContain('diff --git a/src/label.ts');
  });

  it('is off with --no-verify', async () => {
    const result = await repo.run(['run', 'imports', '--write', '--no-verify']);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Type-check gate');
    expect(repo.read('src/user.ts')).toContain("from './ids'");
  });
});

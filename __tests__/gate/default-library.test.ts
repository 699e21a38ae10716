// The type-check gate sees TypeScript's standard library (Promise, Map, Array methods): without it
// every such type is an error type in both programs, which hides the new errors a change makes.
import { verifyChanges } from '../../src/engine/type-check-gate';
import type { FileResult } from '../../src/result/types';
import { makeRepo, type TempRepo } from '../helpers/cli-repo';

function change(file: string, newText: string): FileResult {
  return { file, status: 'changed', newText, findingsBefore: [], findingsAfter: [] } as unknown as FileResult;
}

describe.each([
  ['the default library of its target', { strict: true, target: 'ES2022', module: 'commonjs', types: [] }],
  ['the libraries its tsconfig names', { strict: true, target: 'ES2022', module: 'commonjs', lib: ['ES2022'], types: [] }],
])('the type-check gate with %s', (_name, compilerOptions) => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({
      'tsconfig.json': JSON.stringify({ compilerOptions, include: ['src'] }),
      'src/ids.ts': 'export async function makeId(): Promise<string> {\n  return "id";\n}\n',
      'src/user.ts': "import { makeId } from './ids';\n\nexport const userIds: Map<string, Promise<string>> = new Map([['u', makeId()]]);\n",
    });
  });
  afterEach(() => repo.remove());

  it('knows Promise and Map, and blocks a change that breaks a Promise type', async () => {
    const result = await verifyChanges({
      repoRoot: repo.root,
      tsconfig: repo.path('tsconfig.json'),
      changes: [change('src/ids.ts', 'export async function makeId(): Promise<number> {\n  return 42;\n}\n')],
    });
    const diagnostics = result.blocked.get('src/ids.ts') ?? [];
    expect(diagnostics.map((diagnostic) => `${diagnostic.file} TS${diagnostic.code}`)).toEqual(['src/user.ts TS2322']);
    expect(result.checked).toBe(2);
  });

  it('passes a change that keeps the types', async () => {
    const result = await verifyChanges({
      repoRoot: repo.root,
      tsconfig: repo.path('tsconfig.json'),
      changes: [change('src/ids.ts', 'export async function makeId(): Promise<string> {\n  return `id-${Date.now()}`;\n}\n')],
    });
    expect(result.blocked.size).toBe(0);
  });
});

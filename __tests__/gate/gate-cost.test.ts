// The type-check gate's cost follows the change: each file is read once, the "after" program
// reuses what the "before" one parsed, and only the changed files and their importers are checked.
import fs from 'node:fs';
import path from 'node:path';
import { verifyChanges, type GateProgressEvent } from '../../src/engine/type-check-gate';
import type { FileResult } from '../../src/result/types';
import { makeRepo, type TempRepo } from '../helpers/cli-repo';

const MODULES = 40;

function files(): Record<string, string> {
  const repo: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2020', module: 'commonjs', lib: ['ES2020'], types: [] }, include: ['src'] }),
    'src/ids.ts': 'export function makeId(): string {\n  return "id";\n}\n',
    'src/user.ts': "import { makeId } from './ids';\n\nexport const userId: string = makeId();\n",
  };
  for (let index = 0; index < MODULES; index++) repo[`src/module${index}.ts`] = `export const value${index}: number = ${index};\n`;
  return repo;
}

function change(file: string, newText: string): FileResult {
  return { file, status: 'changed', newText, findingsBefore: [], findingsAfter: [] } as unknown as FileResult;
}

describe('the cost of the type-check gate', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo(files());
  });
  afterEach(() => {
    jest.restoreAllMocks();
    repo.remove();
  });

  it('reads every file from disk at most once, however many programs it builds', async () => {
    const reads = new Map<string, number>();
    const readFileSync = fs.readFileSync;
    jest.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (typeof file === 'string' && file.startsWith(repo.root)) reads.set(file, (reads.get(file) ?? 0) + 1);
      return (readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync);
    // Returns a number now: user.ts gets a new error, so a second round runs without ids.ts.
    const result = await verifyChanges({
      repoRoot: repo.root,
      tsconfig: repo.path('tsconfig.json'),
      changes: [change('src/ids.ts', 'export function makeId(): number {\n  return 42;\n}\n'), change('src/module0.ts', 'export const value0: number = 1;\n')],
    });
    expect([...result.blocked.keys()]).toEqual(['src/ids.ts']);
    const sources = [...reads.keys()].filter((file) => file.endsWith('.ts'));
    expect(sources.length).toBeGreaterThanOrEqual(MODULES);
    expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
  });

  it('type-checks only the changed files and their importers, and says so as it goes', async () => {
    const events: GateProgressEvent[] = [];
    const result = await verifyChanges({
      repoRoot: repo.root,
      tsconfig: repo.path('tsconfig.json'),
      changes: [change('src/ids.ts', 'export function makeId(): string {\n  return "id-1";\n}\n')],
      onProgress: (event) => events.push(event),
    });
    expect(result.checked).toBe(2);
    expect(events[0]).toEqual({ type: 'type-check-start', files: 2, projects: 1, round: 0 });
    expect(events.filter((event) => event.type === 'type-check-file').map((event) => (event.type === 'type-check-file' ? path.basename(event.file) : ''))).toEqual(['ids.ts', 'user.ts']);
    expect(events.at(-1)).toEqual({ type: 'type-check-end', checked: 2 });
  });
});

// The type-check gate's cost follows the change: each file is read once, the "after" program
// reuses what the "before" one parsed, and only the changed files and their importers are checked.
import fs from 'node:fs';
import path from 'node:path';
import { verifyChanges, type GateProgressEvent } from '../../src/engine/type-check-gate';
import { ParsedSourceFiles } from '../../src/engine/parsed-source-files';
import { loadTypeScript } from '../../src/engine/typescript';
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

  it('parses the standard library and a shared package once for all the projects it checks', async () => {
    const base = { strict: true, target: 'ES2020', module: 'commonjs', lib: ['ES2020', 'DOM'], types: [], composite: true, rootDir: 'src', outDir: 'dist' };
    const solution = makeRepo({
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './core' }, { path: './app' }, { path: './web' }] }),
      'core/tsconfig.json': JSON.stringify({ compilerOptions: base, include: ['src'] }),
      'app/tsconfig.json': JSON.stringify({ compilerOptions: base, include: ['src'], references: [{ path: '../core' }] }),
      'web/tsconfig.json': JSON.stringify({ compilerOptions: base, include: ['src'], references: [{ path: '../core' }] }),
      'core/src/ids.ts': 'export function makeId(): string {\n  return "id";\n}\n',
      'core/src/clock.ts': 'export const now = (): number => Date.now();\n',
      'app/src/user.ts': "import { makeId } from '../../core/src/ids';\nimport { now } from '../../core/src/clock';\n\nexport const user = { id: makeId(), at: now() };\n",
      'web/src/page.ts': "import { makeId } from '../../core/src/ids';\n\nexport const page: string = makeId();\n",
    });
    try {
      const parses = jest.spyOn(ParsedSourceFiles.prototype, 'sourceFile');
      const result = await verifyChanges({
        repoRoot: solution.root,
        tsconfig: solution.path('tsconfig.json'),
        changes: [change('core/src/ids.ts', 'export function makeId(): string {\n  return "id-1";\n}\n')],
      });
      expect(result.checked).toBe(3);
      const handedOut = (name: string): Set<unknown> => new Set(parses.mock.calls.flatMap((call, index) => (path.basename(call[0]) === name ? [parses.mock.results[index]!.value] : [])));
      // Asked for by each project's program, parsed once: the DOM library alone is 2 MB.
      expect(parses.mock.calls.filter((call) => path.basename(call[0]) === 'lib.dom.d.ts').length).toBe(3);
      expect(handedOut('lib.dom.d.ts').size).toBe(1);
      expect(handedOut('clock.ts').size).toBe(1);
    } finally {
      solution.remove();
    }
  });
});

describe('the SourceFiles shared between programs', () => {
  it('hands out one SourceFile per text and parse-affecting options', async () => {
    const { ts } = await loadTypeScript();
    const parsed = new ParsedSourceFiles(ts);
    const es2020 = { target: ts.ScriptTarget.ES2020 };
    const first = parsed.sourceFile('/repo/a.ts', 'export const a = 1;\n', ts.ScriptTarget.ES2020, es2020);
    expect(parsed.sourceFile('/repo/a.ts', 'export const a = 1;\n', ts.ScriptTarget.ES2020, { ...es2020, outDir: 'dist', strict: true })).toBe(first);
    // A new text at the same path, and the same text under options that change the parse, are parsed anew.
    const edited = parsed.sourceFile('/repo/a.ts', 'export const a = 2;\n', ts.ScriptTarget.ES2020, es2020);
    expect(edited).not.toBe(first);
    expect(edited.text).toBe('export const a = 2;\n');
    expect(parsed.sourceFile('/repo/a.ts', 'export const a = 2;\n', ts.ScriptTarget.ES2020, { target: ts.ScriptTarget.ES5 })).not.toBe(edited);
    expect(parsed.sourceFile('/repo/a.ts', 'export const a = 2;\n', { languageVersion: ts.ScriptTarget.ES2020, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, es2020)).not.toBe(edited);
  });
});

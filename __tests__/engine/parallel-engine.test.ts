// --jobs N spreads the files over worker threads; the result must be exactly one thread's.
// Worker threads run the built modules, so the comparisons spawn the binary.
import { joinParts, threadsFor } from '../../src/engine/parallel-engine';
import type { FileResult, RunResult } from '../../src/result/types';
import { makeRepo, runCli, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

/** The small repo with enough consumers that every thread gets some, a facade to delete and a file that fails to parse. */
function repoWithConsumers(): TempRepo {
  const files: Record<string, string> = { ...smallRepoFiles() };
  for (let index = 0; index < 24; index++) {
    files[`src/consumers/c${String(index).padStart(2, '0')}.ts`] =
      index % 3 === 0
        ? `// consumer ${index}\nimport { WebSocketManager } from '../websocket_manager';\nexport const m${index} = new WebSocketManager();\n`
        : `import { UnifiedWebSocketManager } from '../unified_manager';\nexport const m${index} = new UnifiedWebSocketManager();\n`;
  }
  return makeRepo(files, { git: true });
}

describe('--jobs on the binary', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = repoWithConsumers();
  });

  it.each([
    ['scan', ['scan', '--format', 'json']],
    ['run facades (with a deletion)', ['run', 'facades', '--format', 'json', '--no-verify']],
  ])('%s gives with 3 threads exactly what one thread gives', (_name, args) => {
    const one = runCli([...args, '--jobs', '1'], { cwd: repo.root });
    const three = runCli([...args, '--jobs', '3'], { cwd: repo.root });
    expect(one.stdout.length).toBeGreaterThan(0);
    expect(three.stderr).not.toMatch(/internal error|worker/i);
    expect(three.status).toBe(one.status);
    expect(three.stdout).toBe(one.stdout);
  });

  it('writes exactly what the dry run showed', () => {
    const dry = runCli(['run', 'imports', '--jobs', '3', '--no-verify'], { cwd: repo.root });
    const written = runCli(['run', 'imports', '--jobs', '3', '--no-verify', '--write'], { cwd: repo.root });
    expect(written.status).toBe(0);
    const changedLines = (diff: string): string[] => diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line));
    expect(changedLines(repo.git('diff')).length).toBe(16);
    expect(changedLines(repo.git('diff'))).toEqual(changedLines(dry.stdout));
  });

  it('refuses a number of threads that is not a whole number', () => {
    const result = runCli(['scan', '--jobs', '0'], { cwd: repo.root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--jobs 0: expected a whole number of threads');
  });
});

describe('joining the parts of a run', () => {
  const result = (files: FileResult[]): RunResult => ({ command: 'run', phases: ['facades'], repo: '/r', files, filesScanned: files.length, filesParsed: files.length });
  const file = (name: string, status: FileResult['status']): FileResult => ({ file: name, status, findingsBefore: [], findingsAfter: [], mentions: [] });

  it('puts files in path order and sums the counts', () => {
    const joined = joinParts([result([file('b.ts', 'changed'), file('d.ts', 'changed')]), result([file('a.ts', 'changed'), file('c.ts', 'deleted')])]);
    expect(joined.files.map((entry) => entry.file)).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts']);
    expect(joined.filesScanned).toBe(4);
  });

  it('withholds deletions when a file failed in any part', () => {
    const joined = joinParts([result([file('a.ts', 'error')]), result([file('facade.ts', 'deleted'), file('b.ts', 'changed')])]);
    expect(joined.files.map((entry) => `${entry.file} ${entry.status}`)).toEqual(['a.ts error', 'b.ts changed']);
  });
});

describe('how many threads', () => {
  it('uses one thread unless asked for more', () => {
    expect(threadsFor(undefined)).toBe(1);
    expect(threadsFor(4)).toBe(4);
    expect(threadsFor(0)).toBe(1);
  });
});

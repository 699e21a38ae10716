// `ssot-migrate scan | head -1`: when the reader of the output has gone, the tool finishes quietly
// (no EPIPE stack trace), and a --write still writes what it was asked to. The process boundary is
// the point here, so the real binary runs with its stdout a pipe nobody reads.
import { spawn } from 'node:child_process';
import { assertFreshBuild, BIN, makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the binary with its stdout's reading end closed before it prints anything. */
function runWithClosedStdout(args: readonly string[], cwd: string): Promise<Ended> {
  assertFreshBuild();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

function expectQuiet(ended: Ended): void {
  expect(ended.stderr).not.toMatch(/EPIPE|internal error|\n\s+at /);
  expect(ended.signal).toBeNull();
}

/** A small repo with many consumers: its JSON is larger than a pipe's buffer (64 KiB), as the example's is, in a fraction of the time. */
function manyConsumers(count: number): Record<string, string> {
  const files = smallRepoFiles();
  for (let index = 1; index <= count; index++) files[`src/consumer_${index}.ts`] = `import { WebSocketManager } from './websocket_manager';\nexport const c${index} = new WebSocketManager();\n`;
  return files;
}

describe('output piped to a reader that has gone', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo(manyConsumers(100));
  });
  afterAll(() => repo.remove());

  it('scan exits quietly with its own exit code', async () => {
    const ended = await runWithClosedStdout(['scan', '--repo', repo.root], repo.root);
    expectQuiet(ended);
    expect(ended.status).toBe(1);
  });

  it('scan --format json exits quietly too', async () => {
    const ended = await runWithClosedStdout(['scan', '--format', 'json', '--repo', repo.root], repo.root);
    expectQuiet(ended);
    expect(ended.status).toBe(1);
  });
});

describe('run --write piped to a reader that has gone', () => {
  it('still writes the files and exits quietly', async () => {
    const repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n" });
    try {
      const ended = await runWithClosedStdout(['run', 'imports', '--write', '--repo', repo.root], repo.root);
      expectQuiet(ended);
      expect(ended.status).toBe(0);
      expect(repo.read('src/a.ts')).toContain("from './unified_manager'");
    } finally {
      repo.remove();
    }
  });
});

// An interrupted --write leaves nothing behind: SIGINT or SIGTERM while the new texts are being
// staged removes the staged temp files before exiting, and after a SIGKILL (which nothing can
// catch) the next `run` or `undo` removes the temp files left in the repo and says so.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, assertFreshBuild, changedPaths, makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

const LEGACY = (name: string) => `import { WebSocketManager } from './websocket_manager';\nexport const ${name} = WebSocketManager;\n`;

function consumers(): Record<string, string> {
  return { ...smallRepoFiles(), 'src/a.ts': LEGACY('a'), 'src/b.ts': LEGACY('b'), 'src/c.ts': LEGACY('c') };
}

function tempFilesIn(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tmp'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/**
 * Starts `run imports --write` with staging paused after its first file (the test hook writes
 * `marker` and waits), sends `signal` once the marker exists, and resolves with how it ended.
 */
function interruptStaging(repo: TempRepo, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  const marker = `${repo.root}.staging-paused`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'run', 'imports', '--write', '--no-verify', '--repo', repo.root], {
      env: { ...process.env, NO_COLOR: '1', SSOT_MIGRATE_PAUSE_STAGING: marker },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    // Waits for a state, not for a time: the child pauses until it is signalled.
    const poll = setInterval(() => {
      if (fs.existsSync(marker)) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      fs.rmSync(marker, { force: true });
      resolve({ code, stderr });
    });
  });
}

describe('a signal while staging', () => {
  beforeAll(() => assertFreshBuild());

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s removes the staged temp files, writes nothing and exits %i',
    async (signal, code) => {
      const repo = makeRepo(consumers());
      try {
        const before = repo.snapshot();
        const exit = await interruptStaging(repo, signal);
        expect(exit.code).toBe(code);
        expect(exit.stderr).toMatch(new RegExp(`interrupted \\(${signal}\\) while staging; the 1 staged temp file was removed; nothing written`));
        expect(tempFilesIn(repo.root)).toEqual([]);
        expect(changedPaths(before, repo.snapshot())).toEqual([]);
        expect(fs.existsSync(repo.path('.ssot/journal'))).toBe(false);
      } finally {
        repo.remove();
      }
    },
    60_000,
  );
});

describe('temp files left by a killed run', () => {
  let repo: TempRepo;
  let debris: string[];
  beforeEach(() => {
    repo = makeRepo({ ...consumers(), 'src/draft.ssot-notes.tmp': "the user's own file\n" });
    // As atomic-file.ts names them: `.<name>.ssot-<uuid>.tmp` beside the target.
    debris = [`src/.a.ts.ssot-${randomUUID()}.tmp`, `.ssot/.baseline.json.ssot-${randomUUID()}.tmp`];
    for (const file of debris) repo.write(file, 'half a rewrite');
  });
  afterEach(() => repo.remove());

  it('the next run removes them and says so on stderr', async () => {
    const result = await repo.run(['run', 'imports']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('removed 2 temp files left by an interrupted write');
    for (const file of debris) expect(result.stderr).toContain(file);
    expect(tempFilesIn(repo.root)).toEqual(['src/draft.ssot-notes.tmp']);
  });

  it('the next undo removes them and says so on stderr', async () => {
    const result = await repo.run(['undo']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('removed 2 temp files left by an interrupted write');
    expect(tempFilesIn(repo.root)).toEqual(['src/draft.ssot-notes.tmp']);
  });
});

// A real `--write` killed partway (SIGTERM, as Ctrl-C or a CI timeout would) leaves each file
// either entirely old or entirely new and a journal that `undo` can replay.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, assertFreshBuild, makeRepo, SMALL_CONFIG, type TempRepo } from '../helpers/cli-repo';

const FILES = 40;
const CONSUMER = (index: number) => `import { WebSocketManager } from '../websocket_manager';\n\nexport const manager${index} = new WebSocketManager();\n`;
const REWRITTEN = (index: number) => `import { UnifiedWebSocketManager as WebSocketManager } from '../unified_manager';\n\nexport const manager${index} = new WebSocketManager();\n`;

function repoOfConsumers(): TempRepo {
  const files: Record<string, string> = {
    'ssot.config.json': JSON.stringify(SMALL_CONFIG),
    'src/unified_manager.ts': 'export class UnifiedWebSocketManager {}\n',
    'src/websocket_manager.ts': "export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n",
  };
  for (let index = 0; index < FILES; index++) files[`src/consumers/c${String(index).padStart(4, '0')}.ts`] = CONSUMER(index);
  return makeRepo(files);
}

const KILL_AFTER_RENAMES = path.join(__dirname, '../helpers/kill-after-renames.cjs');
const RENAMED_BEFORE_KILL = 17;

/** Runs `run imports --write`, killed with SIGTERM right after its file number RENAMED_BEFORE_KILL is renamed into place. */
function killDuringWrite(repo: TempRepo): { signal: NodeJS.Signals | null; status: number | null } {
  const child = spawnSync(process.execPath, ['--require', KILL_AFTER_RENAMES, BIN, 'run', 'imports', '--write', '--no-verify', '--repo', repo.root], {
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1', SSOT_TEST_KILL_AFTER_RENAMES: String(RENAMED_BEFORE_KILL) },
  });
  return { signal: child.signal, status: child.status };
}

describe('a --write killed partway', () => {
  beforeAll(() => assertFreshBuild());

  it('leaves every file old or new, and undo restores them all', () => {
    const repo = repoOfConsumers();
    try {
      const exit = killDuringWrite(repo);
      expect(exit.signal).toBe('SIGTERM');
      const consumers = Array.from({ length: FILES }, (_, index) => repo.read(`src/consumers/c${String(index).padStart(4, '0')}.ts`));
      // No file is half-written, and the kill landed between the first rename and the last.
      consumers.forEach((text, index) => expect([CONSUMER(index), REWRITTEN(index)]).toContain(text));
      expect(consumers.filter((text, index) => text === REWRITTEN(index))).toHaveLength(RENAMED_BEFORE_KILL);
      const undo = repo.cli(['undo']);
      expect(undo.status).toBe(0);
      expect(undo.stdout).toMatch(/an interrupted run\): \d+ files? restored/);
      for (let index = 0; index < FILES; index++) expect(repo.read(`src/consumers/c${String(index).padStart(4, '0')}.ts`)).toBe(CONSUMER(index));
      // No temp file of the killed run is left beside its target.
      expect(fs.readdirSync(repo.path('src/consumers')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      repo.remove();
    }
  }, 60_000);
});

// A real `--write` killed partway (SIGTERM, as Ctrl-C or a CI timeout would) leaves each file
// either entirely old or entirely new and a journal that `undo` can replay.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, makeRepo, SMALL_CONFIG, type TempRepo } from '../helpers/cli-repo';

const FILES = 1500;
const CONSUMER = (index: number) => `import { WebSocketManager } from '../websocket_manager';\n\nexport const manager${index} = new WebSocketManager();\n`;
const REWRITTEN = (index: number) => `import { UnifiedWebSocketManager as WebSocketManager } from '../unified_manager';\n\nexport const manager${index} = new WebSocketManager();\n`;

function bigRepo(): TempRepo {
  const files: Record<string, string> = {
    'ssot.config.json': JSON.stringify(SMALL_CONFIG),
    'src/unified_manager.ts': 'export class UnifiedWebSocketManager {}\n',
    'src/websocket_manager.ts': "export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n",
  };
  for (let index = 0; index < FILES; index++) files[`src/consumers/c${String(index).padStart(4, '0')}.ts`] = CONSUMER(index);
  return makeRepo(files);
}

/** Starts `run imports --write` and sends SIGTERM as soon as its journal is on disk. */
function killDuringWrite(repo: TempRepo): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run', 'imports', '--write', '--no-verify', '--repo', repo.root], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    const journal = path.join(repo.root, '.ssot', 'journal');
    const poll = setInterval(() => {
      if (!fs.existsSync(journal)) return;
      if (fs.readdirSync(journal).some((name) => fs.existsSync(path.join(journal, name, 'manifest.json')))) {
        clearInterval(poll);
        child.kill('SIGTERM');
      }
    }, 1);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal });
    });
  });
}

describe('a --write killed partway', () => {
  it('leaves every file old or new, and undo restores them all', async () => {
    // The kill has to land between the journal and the last rename; try a few times.
    let partway: { repo: TempRepo; written: number } | undefined;
    for (let attempt = 0; attempt < 4 && !partway; attempt++) {
      const repo = bigRepo();
      const exit = await killDuringWrite(repo);
      const consumers = Array.from({ length: FILES }, (_, index) => repo.read(`src/consumers/c${String(index).padStart(4, '0')}.ts`));
      // Whatever happened, no file is half-written.
      consumers.forEach((text, index) => expect([CONSUMER(index), REWRITTEN(index)]).toContain(text));
      const written = consumers.filter((text, index) => text === REWRITTEN(index)).length;
      if (exit.signal === 'SIGTERM' && written > 0 && written < FILES) partway = { repo, written };
      else repo.remove();
    }
    expect(partway).toBeDefined();
    const { repo } = partway!;
    try {
      const undo = repo.cli(['undo']);
      expect(undo.status).toBe(0);
      expect(undo.stdout).toMatch(/an interrupted run\): \d+ files? restored/);
      for (let index = 0; index < FILES; index++) expect(repo.read(`src/consumers/c${String(index).padStart(4, '0')}.ts`)).toBe(CONSUMER(index));
      // No temp file of the killed run is left beside its target.
      expect(fs.readdirSync(repo.path('src/consumers')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      repo.remove();
    }
  }, 240_000);
});

// Config and usage errors: exit 2 with one line that names the file and the bad field, never a
// stack trace; `plan` lists the phases in order; unknown phases are refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeRepo, runMain, SMALL_CONFIG, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";

/** The first line of stderr: the error itself (a `fix:` hint may follow on its own line). */
function errorLine(result: CliResult): string {
  return result.stderr.split('\n').find((line) => line.startsWith('ssot-migrate:')) ?? '';
}

function expectCleanUsageError(result: CliResult): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  // One line for the error, at most one more for the fix.
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^ssot-migrate: /);
  expect(lines.length).toBeLessThanOrEqual(2);
  if (lines[1] !== undefined) expect(lines[1]).toMatch(/^\s+(fix|see):/);
}

describe('config errors', () => {
  let repo: TempRepo;
  let configDir: string;

  beforeAll(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER });
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-configs-'));
  });
  afterAll(() => {
    repo.remove();
    fs.rmSync(configDir, { recursive: true, force: true });
  });

  const withConfig = async (name: string, text: string): Promise<{ file: string; result: CliResult }> => {
    const file = path.join(configDir, name);
    fs.writeFileSync(file, text);
    return { file, result: await repo.run(['scan', '--config', file]) };
  };

  it('a missing config: exit 2, one line naming the file', async () => {
    const empty = makeRepo({ 'src/a.ts': CONSUMER });
    try {
      const result = await empty.run(['scan']);
      expectCleanUsageError(result);
      expect(errorLine(result)).toContain(path.join(empty.root, 'ssot.config.json'));
      expect(errorLine(result)).toMatch(/no config/i);
    } finally {
      empty.remove();
    }
  });

  it('a missing --config FILE: exit 2 naming that file', async () => {
    const file = path.join(configDir, 'does-not-exist.json');
    const result = await repo.run(['scan', '--config', file]);
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain(file);
  });

  it('invalid JSON: exit 2 naming the file', async () => {
    const { file, result } = await withConfig('broken.json', '{"include": ["**/*.ts"],\n');
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain(file);
    expect(errorLine(result)).toMatch(/JSON/);
  });

  it('a field of the wrong type: exit 2 with the field path and what was expected', async () => {
    const { file, result } = await withConfig('wrong-type.json', JSON.stringify({ ...SMALL_CONFIG, legacy: [{ module: 'src/websocket_manager.ts', exports: 'oops' }] }));
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain(file);
    expect(errorLine(result)).toContain('legacy[0].exports');
    expect(errorLine(result)).toContain('expected an object');
  });

  it('a nested wrong type names the nested path', async () => {
    const { result } = await withConfig('nested.json', JSON.stringify({ ...SMALL_CONFIG, legacy: [{ module: 'src/websocket_manager.ts', exports: { WebSocketManager: 5 } }] }));
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain('legacy[0].exports.WebSocketManager');
  });

  it('a template the phase cannot use: exit 2, the line names the file actually loaded once, then the field', async () => {
    const signatures = { templates: [{ match: '$m.send($a)', replace: '$m.sendMessage($b)', receivers: [{ module: 'src/unified_manager.ts', export: 'UnifiedWebSocketManager' }] }] };
    const { file, result } = await withConfig('bad-template.json', JSON.stringify({ ...SMALL_CONFIG, signatures }));
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain(`${file}: signatures.templates[0].replace: $b is not bound by match`);
    expect(errorLine(result)).not.toContain('ssot.config.json');
  });

  it('an unknown field: exit 2 naming it', async () => {
    const { result } = await withConfig('unknown.json', JSON.stringify({ ...SMALL_CONFIG, legasy: [] }));
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain('legasy');
  });

  it('an unknown field inside a legacy entry: exit 2 naming it and where it is', async () => {
    const { result } = await withConfig('unknown-nested.json', JSON.stringify({ ...SMALL_CONFIG, legacy: [{ module: 'src/websocket_manager.ts', export: {} }] }));
    expectCleanUsageError(result);
    expect(errorLine(result)).toMatch(/legacy\[0\].*"export"/);
  });

  it('a required field left out: exit 2 naming it', async () => {
    const { result } = await withConfig('no-canonical.json', JSON.stringify({ include: ['**/*.ts'] }));
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain('canonical');
    expect(errorLine(result)).toMatch(/required|expected/);
  });

  it('a legacy module that no longer exists counts as migrated (phase 2 deletes facades): no error', async () => {
    const { result } = await withConfig('gone-module.json', JSON.stringify({ ...SMALL_CONFIG, legacy: [{ module: 'src/no_such_manager.ts' }] }));
    expect(result.stderr).not.toMatch(/no_such_manager|internal error/);
    // Exit 1, not 2: the scan ran, and phase 2 still finds websocket_manager.ts, a facade src/a.ts imports.
    expect(result.status).toBe(1);
  });

  it('a canonical module that does not exist: exit 2 naming canonical.module', async () => {
    const { result } = await withConfig('missing-canonical.json', JSON.stringify({ ...SMALL_CONFIG, canonical: { module: 'src/nowhere.ts' } }));
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain('canonical.module');
  });

  it('run --write with a bad config writes nothing', async () => {
    const { file } = await withConfig('bad-for-run.json', JSON.stringify({ ...SMALL_CONFIG, legacy: [{ module: 'src/websocket_manager.ts', exports: 'oops' }] }));
    const before = repo.snapshot();
    const result = await repo.run(['run', 'imports', '--write', '--config', file]);
    expectCleanUsageError(result);
    expect(repo.snapshot()).toEqual(before);
  });

  it('a tsconfig that extends a package not installed: exit 2 naming the tsconfig, and a way out that works for every command', async () => {
    const unresolved = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, 'tsconfig.json': JSON.stringify({ extends: '@tsconfig/node20/tsconfig.json', include: ['src'] }) });
    try {
      for (const command of [['scan'], ['run', 'imports', '--no-verify']]) {
        const result = await unresolved.run(command);
        expectCleanUsageError(result);
        expect(errorLine(result)).toMatch(/^ssot-migrate: tsconfig\.json: .*@tsconfig\/node20/);
        expect(result.stderr).toContain('npm install');
        expect(result.stderr).not.toContain('--no-verify');
      }
    } finally {
      unresolved.remove();
    }
  });

  it('a --repo that does not exist: exit 2 naming it', async () => {
    const missing = path.join(configDir, 'no-such-repo');
    const result = await runMain(['scan', '--repo', missing]);
    expectCleanUsageError(result);
    expect(errorLine(result)).toContain(missing);
  });
});

describe('usage errors', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER });
  });
  afterAll(() => repo.remove());

  it('an unknown phase: exit 2, names the phases there are, writes nothing', async () => {
    const before = repo.snapshot();
    const result = await repo.run(['run', 'imprts', '--write']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/imprts/);
    expect(result.stderr).toMatch(/imports/);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(repo.snapshot()).toEqual(before);
  });

  it('no command: exit 2', async () => {
    const result = await runMain([], { cwd: repo.root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/scan/);
  });

  it('an unknown scan format: exit 2', async () => {
    const result = await repo.run(['scan', '--format', 'xml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/format/);
  });

  it('--repo given twice: the last one wins, never an internal error', async () => {
    const result = await runMain(['scan', '--repo', path.join(repo.root, 'no-such-folder'), '--repo', repo.root], { cwd: repo.root });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // The repo's one legacy import: exit 1, as a scan of that repo alone.
    expect(result.status).toBe(1);
  });
});

describe('plan', () => {
  it('lists the four phases in order with their counts, and which one is ready', async () => {
    const repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, 'src/b.ts': CONSUMER.replace('const a', 'const b') });
    try {
      const result = await repo.run(['plan']);
      expect(result.status).toBe(0);
      const rows = result.stdout.split('\n').filter((line) => /^\d+\s/.test(line));
      expect(rows.map((line) => line.split(/\s+/)[1])).toEqual(['imports', 'facades', 'signatures', 'factories']);
      expect(rows.map((line) => Number(line.split(/\s+/)[0]))).toEqual([1, 2, 3, 4]);
      // imports: 2 violations, 2 fixable, 0 manual, 2 files touched
      expect(rows[0]).toMatch(/\b2\s+2\s+0\s+2\s+yes: ssot-migrate run imports\s*$/);
      // facades: the legacy module is a facade (deleted once its two consumers point elsewhere)
      expect(rows[1]).toMatch(/\b3\s+3\s+0\s+3\s+after imports\s*$/);
      // signatures and factories: the config has no section for them
      for (const row of rows.slice(2)) expect(row).toMatch(/\s-\s+-\s+-\s+-\s+not configured\s*$/);
    } finally {
      repo.remove();
    }
  });
});

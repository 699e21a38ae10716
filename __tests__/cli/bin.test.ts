// The built binary as a shell runs it, where the process boundary is the point: the process
// starts, its exit code is the command's, results go to stdout and progress and errors to
// stderr, colour follows the environment, and the tool names itself from package.json. Every
// other CLI test runs `main` in-process (helpers/cli-repo.ts).
import fs from 'node:fs';
import path from 'node:path';
import { makeRepo, ROOT, runCli, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";

describe('bin/ssot-migrate.js', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER });
  });
  afterAll(() => repo.remove());

  it('--help: the usage on stdout, nothing on stderr, exit 0', () => {
    const result = runCli(['--help']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ssot-migrate <command> \[options\]\n/);
    expect(result.stdout).toMatch(/^ {2}ssot-migrate run <phase> /m);
  });

  it('scan: the JSON alone on stdout, progress on stderr, exit 1 while violations remain', () => {
    const result = repo.cli(['scan', '--format', 'json']);
    expect(result.stderr).toMatch(/^scanning 3 files…\nparsed \d+ candidate files\n$/);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ command: 'scan', filesScanned: 3 });
  });

  it('run: the diff on stdout, exit 0 when nothing fixable would be left', () => {
    const result = repo.cli(['run', 'imports', '--no-verify']);
    expect(result.stderr).toMatch(/^running imports on 3 files…\n/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^diff --git a\/src\/a\.ts b\/src\/a\.ts\n/);
    expect(result.stdout).not.toMatch(/\x1b\[/);
  });

  it('a usage error: one line and the way out on stderr, nothing on stdout, exit 2', () => {
    const result = repo.cli(['scan', '--format', 'xml']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ssot-migrate: .*format.*\n {2}see: ssot-migrate --help\n$/);
    expect(result.status).toBe(2);
  });

  it('colour follows the environment: FORCE_COLOR turns it on, NO_COLOR wins over it', () => {
    const plain = repo.cli(['run', 'imports', '--no-verify']).stdout;
    const coloured = repo.cli(['run', 'imports', '--no-verify'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout;
    expect(coloured).toMatch(/\x1b\[/);
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
    expect(repo.cli(['run', 'imports', '--no-verify'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).toBe(plain);
  });

  it('names itself in SARIF with the name and version of its package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    const sarif = JSON.parse(repo.cli(['scan', '--format', 'sarif']).stdout) as { runs: Array<{ tool: { driver: { name: string; version: string } } }> };
    expect(sarif.runs[0]!.tool.driver).toMatchObject({ name: manifest.name, version: manifest.version });
  });
});

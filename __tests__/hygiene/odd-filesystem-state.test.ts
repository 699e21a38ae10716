// A file system that is not as the tool expects (`.ssot` is a file, a baseline that cannot be
// read, a folder where a file should be) gives one line from the error catalogue, naming the path,
// and exit 2: never "internal error" with a stack.
import fs from 'node:fs';
import { makeRepo, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';
import { fileSystemError } from '../../src/errors';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";
const runsAsRoot = process.getuid?.() === 0;

/** One `ssot-migrate: …` line naming `path`, then its `fix:` line, and nothing else. */
function expectCatalogueError(result: CliResult, path: RegExp): void {
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  const lines = result.stderr
    .trimEnd()
    .split('\n')
    .filter((line) => !/^(scanning|parsed|running) /.test(line));
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^ssot-migrate: /);
  expect(lines[0]).toMatch(path);
  expect(lines[1]).toMatch(/^ {2}fix: /);
  expect(result.status).toBe(2);
}

describe('.ssot is a file', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, '.ssot': 'not a folder\n' }, { git: true });
  });
  afterEach(() => repo.remove());

  it('scan --update-baseline', async () => {
    expectCatalogueError(await repo.run(['scan', '--update-baseline']), /\.ssot is a file, not a folder/);
  });

  it('scan --baseline', async () => {
    expectCatalogueError(await repo.run(['scan', '--baseline']), /\.ssot is a file, not a folder/);
  });

  it('scan --record', async () => {
    expectCatalogueError(await repo.run(['scan', '--record']), /\.ssot is a file, not a folder/);
  });

  it('run --write outside git (the undo journal goes to .ssot), leaving the sources as they were', async () => {
    fs.rmSync(repo.path('.git'), { recursive: true });
    const result = await repo.run(['run', 'imports', '--write']);
    expectCatalogueError({ ...result, stderr: result.stderr.replace(/^ssot-migrate: warning: .*\n/m, '') }, /\.ssot/);
    expect(repo.read('src/a.ts')).toBe(CONSUMER);
    expect(fs.readdirSync(repo.path('src')).sort()).toEqual(['a.ts', 'unified_manager.ts', 'websocket_manager.ts']);
  });

  it('undo finds no journal there', async () => {
    const result = await repo.run(['undo']);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stdout).toMatch(/^Nothing to undo/);
    expect(result.status).toBe(0);
  });
});

describe('a baseline the tool cannot use', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER });
  });
  afterEach(() => {
    fs.chmodSync(repo.root, 0o755);
    repo.remove();
  });

  it('a folder where the baseline file should be', async () => {
    fs.mkdirSync(repo.path('.ssot/baseline.json'), { recursive: true });
    expectCatalogueError(await repo.run(['scan', '--baseline']), /baseline\.json: is a folder where a file was expected/);
    expectCatalogueError(await repo.run(['scan', '--update-baseline']), /baseline\.json: is a folder where a file was expected/);
  });

  (runsAsRoot ? it.skip : it)('an unreadable baseline', async () => {
    repo.write('.ssot/baseline.json', '{}\n');
    fs.chmodSync(repo.path('.ssot/baseline.json'), 0o000);
    expectCatalogueError(await repo.run(['scan', '--baseline']), /baseline\.json: permission denied/);
  });
});

describe('fileSystemError', () => {
  it('names the path and what is wrong with it', () => {
    const error = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', path: '/r/.ssot/baseline.json', syscall: 'read' });
    expect(fileSystemError(error)?.message).toBe('/r/.ssot/baseline.json: is a folder where a file was expected (read, EISDIR)');
    expect(fileSystemError(error)?.code).toBe('FILE_SYSTEM');
  });

  it('leaves errors that are not about a path to the caller', () => {
    expect(fileSystemError(new Error('boom'))).toBeUndefined();
    expect(fileSystemError(Object.assign(new Error('x'), { code: 'ERR_SOMETHING', path: '/a' }))).toBeUndefined();
  });
});

// Temporary repos for the CLI and invariant tests: a fresh copy of the embedded example (or a
// small repo given as a map of files) in os.tmpdir(), optionally a git repo with one commit,
// and the CLI run on it: in-process through `main` (`repo.run`, the sources as they are), or
// the real binary as a child process (`repo.cli`, bin/ssot-migrate.js → dist/) where the
// process boundary is the point; a spawn refuses a dist/ older than the sources.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { readPatch, type DiffHunk } from '../../src/result/file-diff';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'ssot-migrate.js');
export const EXAMPLE = path.join(ROOT, 'examples', 'websocket-core');
export const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
export const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

/** One engine run on the example takes 1-2 s; a hung child must not hang the suite. */
const CHILD_TIMEOUT_MS = 180_000;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
}

/** The folders tsconfig.build.json compiles to dist/. */
const BUILT_FOLDERS = ['src', 'transforms'];
let buildChecked = false;

/**
 * Throws unless every source the binary runs was compiled after its last change: a spawned
 * binary must run the code under test, not an older build. Checked once per test file.
 */
export function assertFreshBuild(): void {
  if (buildChecked) return;
  const stale: string[] = [];
  const walk = (relativeDir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, relativeDir), { withFileTypes: true })) {
      const relative = path.join(relativeDir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const built = fs.statSync(path.join(ROOT, 'dist', relative.replace(/\.ts$/, '.js')), { throwIfNoEntry: false });
        if (!built || built.mtimeMs < fs.statSync(path.join(ROOT, relative)).mtimeMs) stale.push(relative);
      }
    }
  };
  for (const folder of BUILT_FOLDERS) walk(folder);
  if (stale.length > 0) {
    const named = stale.slice(0, 3).join(', ') + (stale.length > 3 ? ` and ${stale.length - 3} more` : '');
    throw new Error(`dist/ is older than the sources (${named}): this test spawns bin/ssot-migrate.js, which runs dist/. Run \`npm run build\` (\`npm test\` does it first).`);
  }
  buildChecked = true;
}

/** Runs `node bin/ssot-migrate.js ...args` with NO_COLOR=1, as a user would from a pipe. */
export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
  assertFreshBuild();
  return spawnNode([BIN, ...args], options);
}

/** What a run of `main` printed and returned. */
export interface MainResult extends CliResult {
  status: number;
}

const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** A stream that keeps what is written to it. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * `ssot-migrate ...args` in this process through `main`, the sources as they are (no build):
 * what it printed on each stream and its exit code. Colour off unless `env` turns it on, as
 * `runCli` does; `cwd` is the working directory the command sees.
 */
export async function runMain(args: readonly string[], options: RunOptions = {}): Promise<MainResult> {
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ...options.env };
  const stdout = capture();
  const stderr = capture();
  // Loaded on the first run: files that only copy repos do not load the engine.
  const { main } = await import('../../src/cli/main');
  const status = await main(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd: options.cwd ?? ROOT,
    env,
    tool: { name: PACKAGE.name, version: PACKAGE.version, informationUri: 'https://github.com/ssot-migrate/ssot-migrate', build: 'sources' },
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `node ...args` (the repo's own tsc or jest, for instance) and captures its output. */
export function spawnNode(args: readonly string[], options: RunOptions = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  // Never let a parent FORCE_COLOR (jest sets it in workers) turn colour back on.
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  // `{ NO_COLOR: undefined }` removes a variable.
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
  };
  const result = spawnSync(process.execPath, [...args], spawnOptions);
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export interface RepoOptions {
  /** `git init` and commit everything (user set with -c flags, no signing, autocrlf off). */
  git?: boolean;
  /** A node_modules symlink to this package's node_modules, so the copy's tsc/jest find their deps. */
  nodeModules?: boolean;
}

export class TempRepo {
  constructor(readonly root: string) {}

  /** `ssot-migrate ...args --repo <root>` in-process (see runMain), from the repo root unless told otherwise. */
  run(args: readonly string[], options: RunOptions = {}): Promise<MainResult> {
    return runMain([...args, '--repo', this.root], { cwd: this.root, ...options });
  }

  /** The same through the built binary in a child process, where the process boundary is the point. */
  cli(args: readonly string[], options: RunOptions = {}): CliResult {
    return runCli([...args, '--repo', this.root], { cwd: this.root, ...options });
  }

  path(file: string): string {
    return path.join(this.root, file);
  }

  read(file: string): string {
    return fs.readFileSync(this.path(file), 'utf8');
  }

  readBytes(file: string): Buffer {
    return fs.readFileSync(this.path(file));
  }

  write(file: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(this.path(file)), { recursive: true });
    fs.writeFileSync(this.path(file), content);
  }

  /** sha256 of every file (and the target of every symlink), .git and node_modules aside. */
  snapshot(): Map<string, string> {
    return snapshotTree(this.root);
  }

  git(...args: string[]): string {
    return git(this.root, ...args);
  }

  commitAll(message = 'snapshot'): void {
    this.git('add', '-A');
    this.git('commit', '-q', '--no-verify', '-m', message);
  }

  remove(): void {
    if (process.env.SSOT_KEEP_TMP) return;
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

const GIT_IDENTITY = ['-c', 'user.name=ssot-migrate tests', '-c', 'user.email=tests@ssot-migrate.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
  return result.stdout;
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ssot-${prefix}-`));
}

function finish(root: string, options: RepoOptions): TempRepo {
  const repo = new TempRepo(root);
  if (options.nodeModules) {
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  }
  if (options.git) {
    repo.git('init', '-q');
    repo.git('config', 'core.autocrlf', 'false');
    // The node_modules link is the test's, not the repo's: keep it out of the tree without a .gitignore.
    fs.appendFileSync(path.join(root, '.git', 'info', 'exclude'), '/node_modules\n');
    repo.commitAll('before the migration');
  }
  return repo;
}

/** A fresh copy of examples/websocket-core (110 source files). */
export function copyExample(options: RepoOptions = {}): TempRepo {
  const root = tempDir('example');
  fs.cpSync(EXAMPLE, root, { recursive: true, filter: (source) => !source.split(path.sep).includes('node_modules') });
  return finish(root, options);
}

/** A repo made of `files` (repo-relative path → content). */
export function makeRepo(files: Record<string, string | Buffer>, options: RepoOptions = {}): TempRepo {
  const root = tempDir('repo');
  const repo = new TempRepo(root);
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  return finish(root, options);
}

/** The minimal config of the small repos: one canonical module, one legacy facade of it. */
export const SMALL_CONFIG = {
  include: ['**/*.ts'],
  canonical: { module: 'src/unified_manager.ts' },
  legacy: [{ module: 'src/websocket_manager.ts', exports: { WebSocketManager: 'UnifiedWebSocketManager' } }],
};

/** The small repo's two modules and config; add consumers with `{ ...smallRepoFiles(), 'src/a.ts': ... }`. */
export function smallRepoFiles(): Record<string, string> {
  return {
    'ssot.config.json': JSON.stringify(SMALL_CONFIG, null, 2) + '\n',
    'src/unified_manager.ts': 'export class UnifiedWebSocketManager {}\n',
    'src/websocket_manager.ts': "export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n",
  };
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export function snapshotTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (relativeDir: string): void => {
    const entries = fs.readdirSync(path.join(root, relativeDir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const absolute = path.join(root, relative);
      if (entry.isSymbolicLink()) {
        if (!SKIPPED_DIRS.has(entry.name)) out.set(relative, `symlink:${fs.readlinkSync(absolute)}`);
      } else if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(relative);
      } else {
        out.set(relative, createHash('sha256').update(fs.readFileSync(absolute)).digest('hex'));
      }
    }
  };
  walk('');
  return out;
}

/** Files whose content differs, apart from the undo journal of --write and the scan cache. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((file) => !/^\.ssot\/(journal|cache)\//.test(file) && before.get(file) !== after.get(file)).sort();
}

/** The files a unified diff names, in its order (`diff --git a/X b/X`). */
export function filesInDiff(diff: string): string[] {
  return [...diff.matchAll(/^diff --git a\/(\S+) b\/\S+$/gm)].map((match) => match[1]!);
}

/** The diff section of one file, from its `diff --git` line to the next one. */
export function diffOfFile(diff: string, file: string): string {
  const start = diff.indexOf(`diff --git a/${file} b/${file}\n`);
  if (start === -1) return '';
  const next = diff.indexOf('\ndiff --git ', start + 1);
  return diff.slice(start, next === -1 ? undefined : next + 1);
}

/** The hunks of one file's diff, read by the toolkit's one patch reader. */
export function parseHunks(fileDiff: string): DiffHunk[] {
  return readPatch(fileDiff).flatMap((file) => file.hunks);
}

/** The run summary line, e.g. `imports: 31 files would change; violations 110 → 55 (55 manual)`. */
export function summaryLine(output: string, phase = 'imports'): { files: number; before: number; after: number; manual: number } | undefined {
  const match = new RegExp(`^${phase}: (\\d+) files? (?:would change|changed); violations (\\d+) → (\\d+) \\((\\d+) manual\\)$`, 'm').exec(output);
  if (!match) return undefined;
  return { files: Number(match[1]), before: Number(match[2]), after: Number(match[3]), manual: Number(match[4]) };
}

export interface ScanFinding {
  phase: string;
  file: string;
  line: number;
  column: number;
  kind: string;
  message: string;
  fixable: boolean;
  reason?: string;
}

export interface ScanJson {
  command: string;
  phases: string[];
  filesScanned: number;
  filesParsed: number;
  counts: { phase: string; kind: string; total: number; fixable: number; manual: number; files: number }[];
  files: { file: string; status: string; findingsBefore: ScanFinding[]; findingsAfter: ScanFinding[]; error?: string }[];
}

export function parseScanJson(result: CliResult): ScanJson {
  try {
    return JSON.parse(result.stdout) as ScanJson;
  } catch (error) {
    throw new Error(`scan --format json printed something that is not JSON (exit ${result.status}):\n${result.stdout.slice(0, 2000)}\nstderr:\n${result.stderr}`, { cause: error });
  }
}

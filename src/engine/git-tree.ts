// What git knows about the repo: the files with uncommitted changes (so --write leaves the
// user's work alone), whether an output path is tracked, where the git directory is, and blob ids
// at a commit. A folder that is not in a git work tree has none of this: callers get undefined.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SsotError } from '../errors.js';

const LARGE_OUTPUT = { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 } as const;

function runGit(cwd: string, args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('git', [...args], { cwd, ...LARGE_OUTPUT, ...(input !== undefined ? { input } : {}) });
  return { status: run.error ? null : run.status, stdout: run.stdout ?? '', stderr: run.stderr || String(run.error ?? '') };
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** True when `folder` or a folder above it holds a `.git` entry: git must then answer. */
function underGitMarker(folder: string): boolean {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return true;
    if (path.dirname(current) === current) return false;
  }
}

export interface GitWorkTree {
  /** The work tree's top folder. */
  top: string;
  /** The git directory (absolute): `.git`, or the folder a worktree's or submodule's `.git` file names. */
  gitDir: string;
  /** `folder`'s path inside the work tree, posix, with a trailing slash ('' at the top). */
  prefix: string;
}

/**
 * The git work tree `folder` is in; undefined when it is in none. Throws GIT_STATUS_FAILED when
 * there is a `.git` but git cannot read it, rather than taking a broken repo for no repo.
 */
export function gitWorkTreeOf(folder: string): GitWorkTree | undefined {
  const run = runGit(folder, ['rev-parse', '--is-inside-work-tree', '--show-toplevel', '--absolute-git-dir', '--show-prefix']);
  const [inside, top, gitDir, prefix] = run.stdout.split('\n');
  if (run.status === 0 && inside === 'true' && top && gitDir) return { top, gitDir, prefix: prefix ?? '' };
  if (!underGitMarker(folder)) return undefined;
  throw new SsotError('GIT_STATUS_FAILED', `${folder}: git cannot read this repository (git rev-parse: ${firstLine(run.stderr)}); nothing written`);
}

/**
 * The files among `files` (repo-relative) with uncommitted changes: modified, staged, untracked,
 * or inside a submodule with changes of its own. Undefined outside git (there is nothing to
 * check); GIT_STATUS_FAILED when git cannot tell, so a broken repo never passes for a clean one.
 */
export function uncommittedFiles(repoRoot: string, files: readonly string[]): string[] | undefined {
  const tree = gitWorkTreeOf(repoRoot);
  if (!tree) return undefined;
  if (files.length === 0) return [];
  const dirty = new Set<string>();
  for (const file of dirtyFilesOf(tree.top, repoRoot)) {
    if (file.startsWith(tree.prefix)) dirty.add(file.slice(tree.prefix.length));
  }
  return files.filter((file) => dirty.has(file));
}

/**
 * Paths (relative to `top`) with uncommitted changes under `folder`, recursing into every
 * submodule that has changes: `--ignore-submodules=none` overrides a config that hides them.
 */
function dirtyFilesOf(top: string, folder: string): string[] {
  const status = runGit(folder, ['status', '--porcelain=v2', '-z', '--untracked-files=all', '--ignore-submodules=none', '--', '.']);
  if (status.status !== 0) {
    throw new SsotError('GIT_STATUS_FAILED', `cannot check for uncommitted changes: git status failed in ${folder} (${firstLine(status.stderr)}); nothing written`);
  }
  const dirty: string[] = [];
  const records = status.stdout.split('\0');
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    const kind = record[0];
    if (kind === '?') dirty.push(record.slice(2));
    if (kind !== '1' && kind !== '2' && kind !== 'u') continue;
    // `1 XY sub mH mI mW hH hI path`, `2 … Xscore path` (then the old path), `u XY sub m1 m2 m3 mW h1 h2 h3 path`.
    const fields = record.split(' ');
    const file = fields.slice(kind === '1' ? 8 : kind === '2' ? 9 : 10).join(' ');
    if (kind === '2') index++;
    const submodule = fields[2]!;
    if (submodule.startsWith('S')) {
      for (const inner of dirtyFilesOf(path.join(top, file), path.join(top, file))) dirty.push(`${file}/${inner}`);
    } else {
      dirty.push(file);
    }
  }
  return dirty;
}

export interface GitPathState {
  tracked: boolean;
  uncommitted: boolean;
}

/**
 * Whether git tracks `file` (absolute) and whether it has uncommitted changes (untracked and
 * not ignored counts: git could not bring it back). Undefined when no work tree holds it.
 */
export function gitPathState(file: string): GitPathState | undefined {
  let folder = path.dirname(file);
  while (!fs.existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  const tree = gitWorkTreeOf(folder);
  if (!tree) return undefined;
  const relative = path.relative(folder, file);
  const listed = runGit(folder, ['--literal-pathspecs', 'ls-files', '-z', '--', relative]);
  const status = runGit(folder, ['--literal-pathspecs', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=none', '--', relative]);
  const failed = [listed, status].find((run) => run.status !== 0);
  if (failed) throw new SsotError('GIT_STATUS_FAILED', `${file}: git cannot say whether it is tracked (${firstLine(failed.stderr)}); nothing written`, { file });
  return { tracked: listed.stdout !== '', uncommitted: status.stdout !== '' };
}

/** The blob id of each of `files` (repo-relative) at `revision`; files it lacks are missing. */
export function blobIdsAt(repoRoot: string, revision: string, files: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  if (files.length === 0) return ids;
  const listing = runGit(repoRoot, ['--literal-pathspecs', 'ls-tree', '-z', revision, '--', ...files]);
  if (listing.status !== 0) return ids;
  for (const record of listing.stdout.split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (match) ids.set(match[2]!, match[1]!);
  }
  return ids;
}

/** The blob id git would store for each of `files` as it is on disk now (its clean filters applied). */
export function workingBlobIds(repoRoot: string, files: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  if (files.length === 0) return ids;
  const hashed = runGit(repoRoot, ['hash-object', '--stdin-paths'], files.join('\n') + '\n');
  if (hashed.status !== 0) return ids;
  hashed.stdout.split('\n').forEach((id, index) => {
    if (id && index < files.length) ids.set(files[index]!, id);
  });
  return ids;
}

/** The commit checked out in the repo, or null outside git (for the history file). */
export function headCommit(repoRoot: string): string | null {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  return head.status === 0 ? head.stdout.trim() : null;
}

/**
 * The repo files that differ from `ref` (committed since, staged, unstaged or untracked), for
 * `--changed-since` on pull requests. Paths are relative to the repo root.
 */
export function filesChangedSince(repoRoot: string, ref: string): Set<string> {
  const git = (args: string[]): string => {
    const run = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new SsotError('GIT_FAILED', `--changed-since ${ref}: git ${args[0]} failed in ${repoRoot} (${(run.stderr || String(run.error ?? '')).trim().split('\n')[0]})`);
    return run.stdout;
  };
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const changed = git(['diff', '--name-only', '-z', '--relative', '--no-renames', ref, '--']);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z']);
  return new Set([...changed.split('\0'), ...untracked.split('\0')].filter(Boolean));
}

// `--write` refuses to touch files with uncommitted changes: the user's work stays
// recoverable with git. A folder that is not a git work tree has nothing to check.
import { spawnSync } from 'node:child_process';
import { SsotError } from '../errors.js';

export function uncommittedFiles(repoRoot: string, files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: repoRoot, encoding: 'utf8' });
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return [];
  // Literal pathspecs: a file named `[id].ts` is a file, not a glob.
  const status = spawnSync('git', ['--literal-pathspecs', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...files], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (status.status !== 0) return [];
  const prefix = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  const dirty = new Set<string>();
  const entries = status.stdout.split('\0');
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry.length < 4) continue;
    const file = entry.slice(3);
    dirty.add(prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file);
    // A rename or copy is followed by its source path: skip it.
    if (/^[RC]/.test(entry)) index++;
  }
  return files.filter((file) => dirty.has(file));
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

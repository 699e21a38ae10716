// One catalogue of the failures a user can meet: each has a code, a one-line sentence that
// names the file and what is wrong, an optional fix, and the exit code the CLI maps it to.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

export const EXIT = { clean: 0, violations: 1, usage: 2 } as const;

export type ErrorCode =
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_UNREADABLE'
  | 'CONFIG_INVALID_JSON'
  | 'CONFIG_INVALID'
  | 'MODULE_NOT_FOUND'
  | 'REPO_NOT_FOUND'
  | 'TSCONFIG_INVALID'
  | 'TSCONFIG_UNREADABLE'
  | 'GATE_NO_PROJECT'
  | 'DIRTY_TREE'
  | 'OUTSIDE_REPO'
  | 'WRITE_FAILED'
  | 'PHASE_UNKNOWN'
  | 'TRANSFORM_UNLOADABLE'
  | 'BASELINE_INVALID'
  | 'BASELINE_WOULD_RISE'
  | 'FILE_SYSTEM'
  | 'HISTORY_INVALID'
  | 'UNDO_CONFLICT'
  | 'CONFIG_EXISTS'
  | 'SHARD_INVALID'
  | 'JOBS_INVALID'
  | 'MERGE_INVALID'
  | 'SCAN_PARTIAL'
  | 'GIT_FAILED'
  | 'GIT_STATUS_FAILED'
  | 'OUTPUT_OVER_SOURCE'
  | 'OUTPUT_NAME_EMPTY'
  | 'JOURNAL_INVALID'
  | 'UNDO_COMMITTED'
  | 'INTERRUPTED'
  | 'FORMATTER_NOT_INSTALLED'
  | 'FORMATTER_FAILED';

// Every code has a way out: the second line the CLI prints under the error.
const FIXES: Record<ErrorCode, string> = {
  CONFIG_NOT_FOUND: 'write ssot.config.json at the repo root (see MIGRATION.md) or pass --config FILE',
  CONFIG_UNREADABLE: 'check the file exists and is readable by you',
  CONFIG_INVALID_JSON: 'fix the JSON at the position named (editors validate it against schema/ssot.config.schema.json)',
  CONFIG_INVALID: 'see the JSON Schema in schema/ssot.config.schema.json and MIGRATION.md, Config',
  MODULE_NOT_FOUND: 'name a file of the repo (relative to its root) or a package specifier',
  REPO_NOT_FOUND: 'pass --repo with an existing folder',
  TSCONFIG_INVALID: 'fix the tsconfig, name another with "tsconfig" in the config, or pass --no-verify',
  TSCONFIG_UNREADABLE: 'fix the tsconfig, or install the repo\'s dependencies when it extends a package\'s (npm install); or name another with "tsconfig" in the config',
  GATE_NO_PROJECT:
    'add the file to a project of the tsconfig (its "include", or a project it references), name another tsconfig with "tsconfig" in the config, or pass --no-verify to write it unchecked',
  DIRTY_TREE: 'commit or stash those files first, or pass --allow-dirty',
  OUTSIDE_REPO: 'replace the symlink with the file it points to, or leave that file out of "include"',
  WRITE_FAILED: 'nothing was left half-written; fix the cause (permissions, disk space) and run again',
  PHASE_UNKNOWN: 'name a built-in phase or the id of one of the config\'s "transforms"; `ssot-migrate plan` lists them all',
  TRANSFORM_UNLOADABLE:
    'name a file relative to the repo root ("./codemods/x.ts") or an installed package, whose module exports the transform function (see MIGRATION.md, Your own jscodeshift transforms)',
  BASELINE_INVALID: 'fix it, or write a new one with `ssot-migrate scan --update-baseline --allow-increase`',
  BASELINE_WOULD_RISE: 'fix the new violations listed above, or pass --allow-increase to accept them into the baseline',
  FILE_SYSTEM: 'make that path what the tool expects (a folder where it keeps .ssot files, a readable file) and run again',
  HISTORY_INVALID: 'fix or delete that line of the history file',
  UNDO_CONFLICT: 'put those files back as the run left them (or restore them by hand), then undo again',
  CONFIG_EXISTS: 'pass --force to replace it, or --dry-run to print the new config without writing it',
  SHARD_INVALID: 'write the shard as INDEX/COUNT with 1 <= INDEX <= COUNT, e.g. --shard 2/4',
  JOBS_INVALID: 'pass a whole number of threads, or leave --jobs out for one',
  MERGE_INVALID: 'pass the --format json output of every shard of one scan or run, each once',
  SCAN_PARTIAL: 'run it without --shard and --changed-since (a full scan), or drop --update-baseline/--record; --baseline compares a partial scan with the entries of its files',
  GIT_FAILED: 'run inside a git work tree and name a ref that exists (git rev-parse REF)',
  GIT_STATUS_FAILED: 'run `git status` there to see what is wrong and fix it, or pass --allow-dirty to write without the check',
  OUTPUT_OVER_SOURCE: 'name a new file outside the sources (e.g. under .ssot/ or outside the repo)',
  OUTPUT_NAME_EMPTY: 'name the file to write, e.g. --patch imports.patch',
  JOURNAL_INVALID: "the journal was edited or damaged: put those files back with git or by hand, then delete that run's journal folder",
  UNDO_COMMITTED: 'revert that commit with `git revert`, or pass --force to restore the files from the journal anyway',
  INTERRUPTED: 'nothing was written; run the command again',
  FORMATTER_NOT_INSTALLED: 'install it in the repo (e.g. npm install --save-dev prettier, or @biomejs/biome), or set "format" to "auto" or "none"',
  FORMATTER_FAILED: 'fix the formatter\'s config (running the formatter on that file shows the problem), or set "format": "none" to write files as the phase writes them',
};

export class SsotError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly fix: string | undefined;

  readonly #exitCode: number;

  constructor(code: ErrorCode, message: string, options: { file?: string; fix?: string; exitCode?: number } = {}) {
    super(message);
    this.name = 'SsotError';
    this.code = code;
    this.file = options.file;
    this.fix = options.fix ?? FIXES[code];
    this.#exitCode = options.exitCode ?? EXIT.usage;
  }

  /**
   * Usage and configuration problems exit with 2, and everything else the CLI reports as fatal
   * too; only an interrupted run exits as the shell expects of a signal (128 + its number).
   */
  get exitCode(): number {
    return this.#exitCode;
  }
}

/** What an operating-system error code means for the path it names, in words a user can act on. */
const FILE_SYSTEM_PROBLEMS: Record<string, string> = {
  ENOTDIR: 'is not a folder',
  EISDIR: 'is a folder where a file was expected',
  EEXIST: 'is in the way (a file where a folder was expected)',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'on a read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENOENT: 'does not exist',
};

/**
 * An unexpected state of the file system (`.ssot` is a file, an unreadable baseline, a folder
 * where a file should be) as a catalogue error naming the path, instead of an internal error
 * with a stack: the tool did nothing wrong, the path is not what it expected.
 */
export function fileSystemError(error: unknown, pathRead?: string): SsotError | undefined {
  // Node names the path of most failures, but not of a read that meets a folder: the caller knows it.
  const { code, path: file = pathRead, syscall } = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || typeof file !== 'string' || !(code in FILE_SYSTEM_PROBLEMS)) return undefined;
  const blocking = code === 'ENOTDIR' || code === 'EEXIST' ? fileInTheWay(file) : undefined;
  const where = blocking ? `${file}: ${blocking === file ? 'it' : blocking} is a file, not a folder` : `${file}: ${FILE_SYSTEM_PROBLEMS[code]}`;
  return new SsotError('FILE_SYSTEM', `${where} (${typeof syscall === 'string' ? `${syscall}, ` : ''}${code})`, { file });
}

/** The nearest of the path and its parents that exists but is not a folder. */
function fileInTheWay(file: string): string | undefined {
  for (let current = file; ; current = dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) return current;
    } catch {
      // Not there (or not reachable): look at its parent.
    }
    if (dirname(current) === current) return undefined;
  }
}

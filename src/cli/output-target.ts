// Where a command may write its outputs (--patch, --html, report's chart and summary, the
// baseline, the history): never over a source. One rule for every command, checked before
// anything is written: a file tracked by git, in the config's scope or with uncommitted changes
// is refused, unless it already is an output of that kind that ssot-migrate wrote.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { readBaseline } from '../baseline/baseline.js';
import { gitPathState } from '../engine/git-tree.js';
import { SsotError } from '../errors.js';
import { readHistory } from '../history/history.js';
import { PATCH_FILE_HEADER } from '../reporters/diff.js';
import { REVIEW_PAGE_GENERATOR } from '../reporters/html-review.js';
import { IN_SCOPE_EXTENSIONS } from '../shared/file-extensions.js';

export type OutputKind = 'patch' | 'review page' | 'chart' | 'summary' | 'baseline' | 'history';

export interface OutputTarget {
  /** The option that named it, for messages: `--patch`. */
  option: string;
  /** Absolute path. */
  file: string;
  kind: OutputKind;
}

/** What decides that a path holds sources: the repo and the config's globs (none when there is no config). */
export interface SourceScope {
  repoRoot: string;
  include?: readonly string[];
  exclude?: readonly string[];
}

/** The absolute path of an output named on the command line (relative to `cwd`); an empty name is a usage error. */
export function outputFile(option: string, given: string, cwd: string): string {
  if (given.trim() === '') throw new SsotError('OUTPUT_NAME_EMPTY', `${option}: empty file name; nothing written`);
  return path.resolve(cwd, given);
}

/** Throws OUTPUT_OVER_SOURCE for the first target that could be a source; call before writing anything. */
export function assertOutputsSafe(targets: readonly OutputTarget[], scope: SourceScope, cwd: string): void {
  for (const target of targets) {
    // A symlink is judged by what it points to too: the baseline and the history write through one.
    const real = realPathOf(target.file);
    for (const file of new Set([target.file, real])) {
      const why = whyNotWritable(file, target.kind, scope);
      if (!why) continue;
      const shown = file === target.file ? display(file, cwd) : `${display(target.file, cwd)} → ${display(file, cwd)}`;
      throw new SsotError('OUTPUT_OVER_SOURCE', `${target.option} ${shown}: ${why} and not a ${target.kind} ssot-migrate wrote; refusing to write over it; nothing written`, { file });
    }
  }
}

function whyNotWritable(file: string, kind: OutputKind, scope: SourceScope): string | undefined {
  if (isOwnOutput(file, kind)) return undefined;
  if (inSourceScope(file, scope)) return 'a source in scope (the config\'s "include")';
  // An empty file holds nothing to lose (`touch .ssot/history.jsonl` before the first --record).
  if (fs.statSync(file, { throwIfNoEntry: false })?.size === 0) return undefined;
  const state = gitPathState(file);
  if (state?.tracked) return 'tracked by git';
  if (state?.uncommitted) return 'has uncommitted changes';
  return undefined;
}

function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Folders whose files are never sources (the tool's own among them). */
const NEVER_SOURCES = new Set(['node_modules', '.git', '.ssot']);

/** True when the file is, or would be once written, one of the files a scan reads. */
function inSourceScope(file: string, scope: SourceScope): boolean {
  if (!scope.include) return false;
  const relative = path.relative(scope.repoRoot, file).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
  if (relative.split('/').some((segment) => NEVER_SOURCES.has(segment))) return false;
  if (!IN_SCOPE_EXTENSIONS.some((extension) => relative.endsWith(extension))) return false;
  const excluded = scope.exclude && scope.exclude.length > 0 && picomatch(scope.exclude as string[], { dot: true })(relative);
  return picomatch(scope.include as string[], { dot: true })(relative) && !excluded;
}

/** The most a recogniser reads: outputs are small, and a huge file is not one of ours. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** True when `file` exists and its content shows it is an output of `kind` that ssot-migrate wrote. */
function isOwnOutput(file: string, kind: OutputKind): boolean {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size === 0 || stat.size > MAX_OUTPUT_BYTES) return false;
  const text = fs.readFileSync(file, 'utf8');
  switch (kind) {
    case 'patch':
      return text.startsWith(PATCH_FILE_HEADER);
    case 'review page':
      return text.startsWith('<!DOCTYPE html>') && text.includes(REVIEW_PAGE_GENERATOR);
    case 'chart':
      return text.startsWith('<svg') && text.includes('<title id="burndown-title">ssot-migrate burn-down');
    case 'summary':
      return text.startsWith('# SSOT migration report\n');
    case 'baseline':
      return isBaseline(file);
    case 'history':
      return isHistory(file);
  }
}

/** A baseline is an object of files, each an object of `phase/kind` counts. */
function isBaseline(file: string): boolean {
  try {
    return [...readBaseline(file).values()].every((rules) => rules.size > 0 && [...rules.keys()].every((rule) => /^[a-z]+\/[a-z0-9-]+$/i.test(rule)));
  } catch {
    return false;
  }
}

/** A history is one record per line, each as `scan --record` writes it. */
function isHistory(file: string): boolean {
  try {
    return readHistory(file).length > 0;
  } catch {
    return false;
  }
}

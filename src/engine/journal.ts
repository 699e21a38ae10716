// The undo journal: before --write renames anything, it records each file's old content and the
// hashes before and after, in a folder per run. `undo` restores the newest run exactly, without
// git, and refuses when a file changed since (naming it), when an entry would lead out of the repo,
// and when the run's result was committed since. An interrupted run leaves a journal whose files
// are each either old or new, which undo handles the same way.
//
// The journal lives where no tool scans it: in a git repo under the git directory; elsewhere in
// .ssot/journal, the old contents as numbered `.before` blobs (a copy named `src/a.test.ts` would
// be run by any test runner that walks dot-folders).
import fs from 'node:fs';
import path from 'node:path';
import { SsotError } from '../errors.js';
import type { PhaseId } from '../result/types.js';
import { contentHash, writeAtomically } from './atomic-file.js';
import { blobIdsAt, gitWorkTreeOf, headCommit, workingBlobIds } from './git-tree.js';
import { isInside } from './paths.js';

/** Outside git, the journal's folder in the repo. */
const JOURNAL_DIR = '.ssot/journal';
/** In a git repo, the journal's folder in the git directory. */
const GIT_JOURNAL_DIR = 'ssot-migrate/journal';

export interface JournalEntry {
  /** Repo-relative posix path. */
  file: string;
  /** sha256 of the content before the run; null when the run created the file. */
  before: string | null;
  /** sha256 of the content the run wrote; null when the run deleted the file. */
  after: string | null;
  /** The before-copy in the run's folder (`<n>.before`); journals of older versions kept it at `before/<file>`. */
  copy?: string;
}

export interface Journal {
  id: string;
  phase: PhaseId;
  time: string;
  /** 'writing' until every rename is done: an interrupted run stays 'writing'. */
  state: 'writing' | 'complete';
  /** The git commit checked out when the run wrote (null outside git or before the first commit). */
  head?: string | null;
  /** The repo root's folder inside its git work tree ('' or `pkg/`): runs of two roots sharing a git directory stay apart. */
  prefix?: string;
  /** Empty when the run changed nothing: undo then has nothing to undo, rather than reaching back a run. */
  entries: JournalEntry[];
}

/** A journal and the folder it is kept in. */
export interface StoredJournal {
  journal: Journal;
  folder: string;
}

export interface JournalChange {
  file: string;
  before: string;
  after: string | undefined;
}

/** Where runs are journaled: under the git directory, or .ssot/journal outside git. */
function journalHome(repoRoot: string): { root: string; prefix?: string } {
  let tree: ReturnType<typeof gitWorkTreeOf>;
  try {
    tree = gitWorkTreeOf(repoRoot);
  } catch {
    // A repo git cannot read (written with --allow-dirty) still gets its journal.
    tree = undefined;
  }
  return tree ? { root: path.join(tree.gitDir, GIT_JOURNAL_DIR), prefix: tree.prefix } : { root: path.join(repoRoot, JOURNAL_DIR) };
}

export function openJournal(repoRoot: string, phase: PhaseId, changes: readonly JournalChange[], now: Date): StoredJournal {
  const home = journalHome(repoRoot);
  fs.mkdirSync(home.root, { recursive: true });
  // Outside git today is not outside git forever: keep the copies out of a later first commit.
  if (home.prefix === undefined && !fs.existsSync(path.join(home.root, '.gitignore'))) fs.writeFileSync(path.join(home.root, '.gitignore'), '*\n');
  const id = `${now.toISOString().replace(/[:.]/g, '-')}-${phase}`;
  const folder = path.join(home.root, id);
  fs.mkdirSync(folder, { recursive: true });
  changes.forEach((change, index) => fs.writeFileSync(path.join(folder, `${index}.before`), change.before));
  const journal: Journal = {
    id,
    phase,
    time: now.toISOString(),
    state: 'writing',
    head: headCommit(repoRoot),
    ...(home.prefix !== undefined ? { prefix: home.prefix } : {}),
    entries: changes.map((change, index) => ({
      file: change.file,
      before: contentHash(change.before),
      after: change.after === undefined ? null : contentHash(change.after),
      copy: `${index}.before`,
    })),
  };
  writeManifest(folder, journal);
  return { journal, folder };
}

export function completeJournal(stored: StoredJournal): void {
  writeManifest(stored.folder, { ...stored.journal, state: 'complete' });
}

/**
 * Adds to run `id`'s journal a file the run changed after its writes (the baseline it keeps in
 * step), so that undo restores it with the rest.
 */
export function journalAlso(repoRoot: string, id: string, change: JournalChange): void {
  const stored = listJournals(repoRoot).find((each) => each.journal.id === id);
  if (!stored) return;
  const copy = `${stored.journal.entries.length}.before`;
  fs.writeFileSync(path.join(stored.folder, copy), change.before);
  const entry: JournalEntry = { file: change.file, before: contentHash(change.before), after: change.after === undefined ? null : contentHash(change.after), copy };
  writeManifest(stored.folder, { ...stored.journal, entries: [...stored.journal.entries, entry] });
}

/** Removes a journal whose run was rolled back: there is nothing to undo. */
export function discardJournal(stored: StoredJournal): void {
  fs.rmSync(stored.folder, { recursive: true, force: true });
}

/**
 * The repo's journals in the order they were written, oldest first: those under the git
 * directory for this repo root, and any in .ssot/journal (outside git, or by an older version).
 */
function listJournals(repoRoot: string): StoredJournal[] {
  const home = journalHome(repoRoot);
  const found: StoredJournal[] = [];
  const homes = [home, ...(home.prefix !== undefined ? [{ root: path.join(repoRoot, JOURNAL_DIR) }] : [])];
  for (const { root, prefix } of homes) {
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
      const folder = path.join(root, entry.name);
      if (!entry.isDirectory() || !fs.existsSync(path.join(folder, 'manifest.json'))) continue;
      const journal = readManifest(folder);
      if (prefix !== undefined && (journal.prefix ?? '') !== prefix) continue;
      found.push({ journal, folder });
    }
  }
  return found.sort((a, b) => (a.journal.id < b.journal.id ? -1 : a.journal.id > b.journal.id ? 1 : 0));
}

/** `imports (2026-01-01T00:00:00.000Z)`: how messages name a run. */
function describeRun(journal: Journal): string {
  return `${journal.phase} (${journal.time})`;
}

export interface UndoOutcome {
  journal: Journal;
  /** The files put back; empty when the run changed nothing. */
  restored: string[];
}

export interface UndoOptions {
  /** Restore even when the run's result is part of a commit made since. */
  force?: boolean;
}

/** Restores the newest run; undefined when no run is journaled. */
export function undoLast(repoRoot: string, options: UndoOptions = {}): UndoOutcome | undefined {
  const stored = listJournals(repoRoot).pop();
  if (!stored) return undefined;
  const { journal, folder } = stored;
  if (journal.entries.length === 0) {
    fs.rmSync(folder, { recursive: true, force: true });
    return { journal, restored: [] };
  }
  const root = fs.realpathSync(repoRoot);
  // Every entry is checked before anything is restored: one bad entry and nothing is.
  const problems = journal.entries.map((entry) => ({ entry, problem: entryProblem(root, folder, entry) })).filter((checked) => checked.problem);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new SsotError(
      'JOURNAL_INVALID',
      `cannot undo ${describeRun(journal)}: journal entry "${String(first.entry.file)}" ${first.problem}${problems.length > 1 ? ` (and ${problems.length - 1} more bad entries)` : ''}; nothing restored`,
      { file: path.join(folder, 'manifest.json') },
    );
  }
  const plan = journal.entries.map((entry) => {
    const target = path.join(root, entry.file);
    const current = fs.existsSync(target) ? contentHash(fs.readFileSync(target, 'utf8')) : null;
    // Written by the run: restore. Still old (an interrupted run never reached it): leave it.
    return { entry, target, action: current === entry.after ? ('restore' as const) : current === entry.before ? ('keep' as const) : ('conflict' as const) };
  });
  const conflicts = plan.filter((step) => step.action === 'conflict').map((step) => step.entry.file);
  if (conflicts.length > 0) {
    throw new SsotError('UNDO_CONFLICT', `cannot undo ${describeRun(journal)}: ${conflicts.length} file(s) changed since that run: ${listed(conflicts)}; nothing restored`);
  }
  const toRestore = plan.filter((step) => step.action === 'restore');
  if (!options.force) {
    const committed = committedSince(
      root,
      journal,
      toRestore.map((step) => step.entry),
    );
    if (committed.files.length > 0) {
      throw new SsotError(
        'UNDO_COMMITTED',
        `cannot undo ${describeRun(journal)}: its changes to ${listed(committed.files)} are part of commit ${committed.head.slice(0, 12)} made since; nothing restored`,
      );
    }
  }
  const restored: string[] = [];
  for (const { entry, target } of toRestore) {
    if (entry.before === null) fs.rmSync(target);
    else writeAtomically(target, fs.readFileSync(beforeCopyOf(folder, entry), 'utf8'));
    restored.push(entry.file);
  }
  fs.rmSync(folder, { recursive: true, force: true });
  return { journal, restored };
}

/** A file as it was before an earlier --write run changed it. */
export interface FormerText {
  file: string;
  text: string;
}

/**
 * The files earlier complete runs of `phase` changed, as they were before (their before-copies).
 * An undone run has no journal any more, so what it changed is not history.
 */
export function formerTexts(repoRoot: string, phase: PhaseId): FormerText[] {
  const texts: FormerText[] = [];
  for (const { journal, folder } of listJournals(repoRoot)) {
    if (journal.phase !== phase || journal.state !== 'complete') continue;
    for (const entry of journal.entries) {
      if (entry.before === null) continue;
      try {
        texts.push({ file: entry.file, text: fs.readFileSync(beforeCopyOf(folder, entry), 'utf8') });
      } catch {
        // A copy removed by hand is history lost, not an error of this run.
      }
    }
  }
  return texts;
}

function listed(files: readonly string[]): string {
  return `${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`;
}

function beforeCopyOf(folder: string, entry: JournalEntry): string {
  return entry.copy !== undefined ? path.join(folder, entry.copy) : path.join(folder, 'before', entry.file);
}

const HASH = /^[0-9a-f]{64}$/;

/** Why undo must not act on `entry`, or undefined when it may. `root` is the real repo root. */
function entryProblem(root: string, folder: string, entry: JournalEntry): string | undefined {
  const { file } = entry;
  if (typeof file !== 'string' || file === '' || file.includes('\0')) return 'names no file';
  if (path.posix.isAbsolute(file) || path.win32.isAbsolute(file)) return 'is an absolute path; undo restores only inside the repo';
  const segments = file.split(/[\\/]/);
  if (segments.includes('..')) return 'leads out of the repo (..); undo restores only inside the repo';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'is not a plain repo-relative path';
  if (!isInside(root, path.join(root, file))) return 'leads out of the repo; undo restores only inside the repo';
  // Through a symlink (any folder on the way, or the file itself) a restore could land anywhere.
  for (let index = 1; index <= segments.length; index++) {
    const partial = segments.slice(0, index).join('/');
    const stat = fs.lstatSync(path.join(root, partial), { throwIfNoEntry: false });
    if (!stat) break;
    if (stat.isSymbolicLink()) return `goes through the symlink ${partial}; undo restores only inside the repo`;
  }
  for (const hash of [entry.before, entry.after]) if (hash !== null && (typeof hash !== 'string' || !HASH.test(hash))) return 'has no valid content hash';
  if (entry.before === null) return undefined;
  if (entry.copy !== undefined && (typeof entry.copy !== 'string' || !/^\d+\.before$/.test(entry.copy))) return 'names a before-copy outside its run folder';
  const copy = beforeCopyOf(folder, entry);
  if (!fs.lstatSync(copy, { throwIfNoEntry: false })?.isFile()) return 'has no before-copy in the journal (it was deleted)';
  if (contentHash(fs.readFileSync(copy, 'utf8')) !== entry.before) return 'has a before-copy that does not match its hash';
  return undefined;
}

/**
 * The files of the run whose result is part of a commit made since the run: HEAD moved, and the
 * file at HEAD is what the run wrote (or, for a deletion, HEAD lacks a file the run's commit had).
 */
function committedSince(root: string, journal: Journal, entries: readonly JournalEntry[]): { head: string; files: string[] } {
  const head = headCommit(root);
  if (head === null || head === journal.head || entries.length === 0) return { head: head ?? '', files: [] };
  const files = entries.map((entry) => entry.file);
  const atHead = blobIdsAt(root, head, files);
  const written = workingBlobIds(
    root,
    entries.filter((entry) => entry.after !== null).map((entry) => entry.file),
  );
  const atRun = journal.head
    ? blobIdsAt(
        root,
        journal.head,
        entries.filter((entry) => entry.after === null).map((entry) => entry.file),
      )
    : new Map<string, string>();
  const committed = entries.filter((entry) =>
    entry.after === null ? !atHead.has(entry.file) && atRun.has(entry.file) : written.has(entry.file) && written.get(entry.file) === atHead.get(entry.file),
  );
  return { head, files: committed.map((entry) => entry.file) };
}

function writeManifest(folder: string, journal: Journal): void {
  writeAtomically(path.join(folder, 'manifest.json'), JSON.stringify(journal, null, 2) + '\n');
}

function readManifest(folder: string): Journal {
  const file = path.join(folder, 'manifest.json');
  let journal: Journal;
  try {
    journal = JSON.parse(fs.readFileSync(file, 'utf8')) as Journal;
  } catch (error) {
    throw new SsotError('JOURNAL_INVALID', `${file}: unreadable journal (${(error as Error).message}); nothing restored`, { file });
  }
  if (!journal || typeof journal.id !== 'string' || !Array.isArray(journal.entries)) {
    throw new SsotError('JOURNAL_INVALID', `${file}: not a journal of ssot-migrate (no id or entries); nothing restored`, { file });
  }
  return journal;
}

// Applies a run to disk, and nothing else: only files whose new text parsed, all staged in temp
// files before any is renamed into place, never through a symlink, never outside the repo root,
// and never over a file that changed since it was read.
import { constants } from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult } from '../result/types.js';
import { SsotError } from '../errors.js';
import type { PhaseId } from '../result/types.js';
import { completeJournal, discardJournal, openJournal, type StoredJournal } from './journal.js';
import { contentHash, stageText, syncFolders } from './atomic-file.js';
import { isInside } from './paths.js';
import { isReadOnly } from './read-only.js';

export interface WriteOutcome {
  written: string[];
  deleted: string[];
  /** Files left alone, with why: read-only files are the user's decision, not ours. */
  refused: Array<{ file: string; reason: string }>;
  /** The id of the undo journal the write recorded, if it recorded one. */
  journal?: string;
}

export interface WriteOptions {
  /** Record an undo journal for this phase before renaming anything (an empty one when nothing changes). */
  journal?: { phase: PhaseId; now: Date };
}

export interface InterruptibleWriteOptions extends WriteOptions {
  /**
   * Aborted with a signal's name (the CLI does it on SIGINT and SIGTERM): staging stops, removes
   * the temp files it made and throws INTERRUPTED, and nothing is written.
   */
  signal?: AbortSignal;
  /** Awaited after each file is staged (tests pause staging here). */
  afterStaging?: (staged: number) => void | Promise<void>;
  /** Called once everything is staged, just before the journal and the renames: past here a run is no longer abandoned. */
  beforeRenames?: () => void;
}

interface PreparedWrite {
  root: string;
  pending: FileResult[];
  originals: Map<string, string>;
  refused: WriteOutcome['refused'];
}

interface StagedFile {
  file: FileResult;
  target: string;
  temporary?: string;
}

/** All at once: check, stage, journal, rename. */
export function writeResults(repoRoot: string, files: readonly FileResult[], options: WriteOptions = {}): WriteOutcome {
  const prepared = prepareWrite(repoRoot, files);
  const staged: StagedFile[] = [];
  try {
    for (const file of prepared.pending) staged.push(stageFile(prepared.root, file));
  } catch (error) {
    removeStaged(staged);
    throw new SsotError('WRITE_FAILED', `cannot stage the new files (${(error as Error).message}); nothing written`);
  }
  return renameStaged(prepared, staged, options);
}

/**
 * As writeResults, but staging yields between files so an interrupt (see `signal`) is seen while
 * there is still nothing to undo; the renames after it run in one go, as in writeResults.
 */
export async function writeResultsInterruptibly(repoRoot: string, files: readonly FileResult[], options: InterruptibleWriteOptions = {}): Promise<WriteOutcome> {
  const prepared = prepareWrite(repoRoot, files);
  const staged: StagedFile[] = [];
  try {
    for (const file of prepared.pending) {
      if (options.signal?.aborted) break;
      staged.push(stageFile(prepared.root, file));
      await options.afterStaging?.(staged.length);
      // A signal handler runs only when the event loop gets a turn: give it one per file.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    removeStaged(staged);
    throw new SsotError('WRITE_FAILED', `cannot stage the new files (${(error as Error).message}); nothing written`);
  }
  if (options.signal?.aborted) {
    removeStaged(staged);
    const name = String(options.signal.reason);
    const number = (constants.signals as Record<string, number | undefined>)[name];
    const count = staged.filter((entry) => entry.temporary).length;
    throw new SsotError(
      'INTERRUPTED',
      `interrupted (${name}) while staging; the ${count} staged temp file${count === 1 ? ' was' : 's were'} removed; nothing written`,
      number ? { exitCode: 128 + number } : {},
    );
  }
  options.beforeRenames?.();
  return renameStaged(prepared, staged, options);
}

function prepareWrite(repoRoot: string, files: readonly FileResult[]): PreparedWrite {
  const root = fs.realpathSync(repoRoot);
  const refused: WriteOutcome['refused'] = [];
  const pending = files.filter((file) => {
    if (file.status !== 'changed' && file.status !== 'deleted') return false;
    // Checked again here: a file may have been made read-only since the run was computed.
    if (isReadOnly(path.join(root, file.file))) {
      refused.push({ file: file.file, reason: 'read-only; not written' });
      return false;
    }
    return true;
  });
  // Check every target first, so a refusal leaves the tree untouched rather than half-written.
  const originals = new Map<string, string>();
  for (const file of pending) {
    const target = path.join(root, file.file);
    assertWritable(root, target, file.file);
    const current = fs.readFileSync(target, 'utf8');
    if (file.sourceHash && contentHash(current) !== file.sourceHash) {
      throw new SsotError('WRITE_FAILED', `${file.file}: changed on disk since it was read; nothing written`);
    }
    originals.set(file.file, current);
  }
  return { root, pending, originals, refused };
}

/** The new text goes to a temp file beside its target; a deletion stages nothing. */
function stageFile(root: string, file: FileResult): StagedFile {
  const target = path.join(root, file.file);
  return { file, target, ...(file.status === 'changed' ? { temporary: stageText(target, file.newText!) } : {}) };
}

function removeStaged(staged: readonly StagedFile[]): void {
  for (const { temporary } of staged) if (temporary) fs.rmSync(temporary, { force: true });
}

/** Journals the run, then renames every staged file into place; if a rename fails, the ones already done are put back. */
function renameStaged({ root, pending, originals, refused }: PreparedWrite, staged: readonly StagedFile[], options: WriteOptions): WriteOutcome {
  // The journal is on disk before the first rename: a run killed at any point (Ctrl-C, SIGTERM,
  // a crash) leaves each file old or new, and undo knows which is which from the hashes. A run
  // that changes nothing is journaled too, so undo never reaches past it to an older run.
  let journal: StoredJournal | undefined;
  try {
    journal = options.journal
      ? openJournal(
          root,
          options.journal.phase,
          pending.map((file) => ({ file: file.file, before: originals.get(file.file)!, after: file.status === 'deleted' ? undefined : file.newText! })),
          options.journal.now,
        )
      : undefined;
  } catch (error) {
    removeStaged(staged);
    throw new SsotError('WRITE_FAILED', `cannot write the undo journal (${(error as Error).message}); nothing written`);
  }
  const done: StagedFile[] = [];
  try {
    for (const entry of staged) {
      if (entry.temporary) fs.renameSync(entry.temporary, entry.target);
      else fs.rmSync(entry.target);
      done.push(entry);
    }
    syncFolders(staged.map((entry) => entry.target));
    if (journal) completeJournal(journal);
  } catch (error) {
    for (const entry of done) fs.writeFileSync(entry.target, originals.get(entry.file.file)!);
    removeStaged(staged);
    if (journal) discardJournal(journal);
    throw new SsotError('WRITE_FAILED', `writing failed (${(error as Error).message}); the files already written were restored`);
  }
  return {
    written: staged.filter((entry) => entry.temporary).map((entry) => entry.file.file),
    deleted: staged.filter((entry) => !entry.temporary).map((entry) => entry.file.file),
    refused,
    ...(journal ? { journal: journal.journal.id } : {}),
  };
}

function assertWritable(root: string, target: string, relative: string): void {
  if (!isInside(root, target)) throw new SsotError('OUTSIDE_REPO', `${relative}: outside the repo root ${root}; nothing written`);
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) throw new SsotError('OUTSIDE_REPO', `${relative}: is a symlink; refusing to write through it; nothing written`);
  const resolved = fs.realpathSync(target);
  if (!isInside(root, resolved)) throw new SsotError('OUTSIDE_REPO', `${relative}: resolves outside the repo root (${resolved}); nothing written`);
}

// Applies a run to disk, and nothing else: only files whose new text parsed, all staged in temp
// files before any is renamed into place, never through a symlink, never outside the repo root,
// and never over a file that changed since it was read.
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult } from '../result/types.js';
import { SsotError } from '../errors.js';
import type { PhaseId } from '../result/types.js';
import { completeJournal, discardJournal, openJournal } from './journal.js';
import { contentHash, stageText } from './atomic-file.js';


import { isInside } from './paths.js';
import { isReadOnly } from './read-only.js';

export interface WriteOutcome {
  written: string[];
  deleted: string[];
  /** Files left alone, with why: read-only files are the user's decision, not ours. */
  refused: Array<{ file: string; reason: string }>;
}

export interface WriteOptions {
  /** Record an undo journal for this phase before renaming anything. */
  journal?: { phase: PhaseId; now: Date };
}

export function writeResults(repoRoot: string, files: readonly FileResult[], options: WriteOptions = {}): WriteOutcome {
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
  // Then every new text goes to a temp file beside its target, and only then are they renamed
  // into place; if a rename fails, the ones already done are put back.
  const staged: Array<{ file: FileResult; target: string; temporary?: string }> = [];
  try {
    for (const file of pending) {
      const target = path.join(root, file.file);
      staged.push({ file, target, ...(file.status === 'changed' ? { temporary: stageText(target, file.newText!) } : {}) });
    }
  } catch (error) {
    for (const { temporary } of staged) if (temporary) fs.rmSync(temporary, { force: true });
    throw new SsotError('WRITE_FAILED', `cannot stage the new files (${(error as Error).message}); nothing written`);
  }
  // The journal is on disk before the first rename: a run killed at any point (Ctrl-C, SIGTERM,
  // a crash) leaves each file old or new, and undo knows which is which from the hashes.
  const journal = options.journal && pending.length > 0
    ? openJournal(root, options.journal.phase, pending.map((file) => ({ file: file.file, before: originals.get(file.file)!, after: file.status === 'deleted' ? undefined : file.newText! })), options.journal.now)
    : undefined;
  const done: typeof staged = [];
  try {
    for (const entry of staged) {
      if (entry.temporary) fs.renameSync(entry.temporary, entry.target);
      else fs.rmSync(entry.target);
      done.push(entry);
    }
    if (journal) completeJournal(root, journal);
  } catch (error) {
    for (const entry of done) fs.writeFileSync(entry.target, originals.get(entry.file.file)!);
    for (const { temporary } of staged) if (temporary) fs.rmSync(temporary, { force: true });
    if (journal) discardJournal(root, journal);
    throw new SsotError('WRITE_FAILED', `writing failed (${(error as Error).message}); the files already written were restored`);
  }
  return {
    written: staged.filter((entry) => entry.temporary).map((entry) => entry.file.file),
    deleted: staged.filter((entry) => !entry.temporary).map((entry) => entry.file.file),
    refused,
  };
}

function assertWritable(root: string, target: string, relative: string): void {
  if (!isInside(root, target)) throw new SsotError('OUTSIDE_REPO', `${relative}: outside the repo root ${root}; nothing written`);
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) throw new SsotError('OUTSIDE_REPO', `${relative}: is a symlink; refusing to write through it; nothing written`);
  const resolved = fs.realpathSync(target);
  if (!isInside(root, resolved)) throw new SsotError('OUTSIDE_REPO', `${relative}: resolves outside the repo root (${resolved}); nothing written`);
}

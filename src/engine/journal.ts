// The undo journal: before --write renames anything, it records each file's old content and the
// hashes before and after under .ssot/journal/<run>/. `undo` restores the newest run exactly,
// without git, and refuses when a file changed since (naming it). An interrupted run leaves a
// journal whose files are each either old or new, which undo handles the same way.
import fs from 'node:fs';
import path from 'node:path';
import { SsotError } from '../errors.js';
import type { PhaseId } from '../result/types.js';
import { contentHash, writeAtomically } from './atomic-file.js';

const JOURNAL_DIR = '.ssot/journal';

export interface JournalEntry {
  file: string;
  /** sha256 of the content before the run; null when the run created the file. */
  before: string | null;
  /** sha256 of the content the run wrote; null when the run deleted the file. */
  after: string | null;
}

export interface Journal {
  id: string;
  phase: PhaseId;
  time: string;
  /** 'writing' until every rename is done: an interrupted run stays 'writing'. */
  state: 'writing' | 'complete';
  entries: JournalEntry[];
}

export interface JournalChange {
  file: string;
  before: string;
  after: string | undefined;
}

export function openJournal(repoRoot: string, phase: PhaseId, changes: readonly JournalChange[], now: Date): Journal {
  const root = path.join(repoRoot, JOURNAL_DIR);
  fs.mkdirSync(root, { recursive: true });
  // The journal holds copies of source files: keep it out of commits whatever the repo ignores.
  if (!fs.existsSync(path.join(root, '.gitignore'))) fs.writeFileSync(path.join(root, '.gitignore'), '*\n');
  const id = `${now.toISOString().replace(/[:.]/g, '-')}-${phase}`;
  const folder = path.join(root, id);
  fs.mkdirSync(folder, { recursive: true });
  for (const change of changes) {
    const copy = path.join(folder, 'before', change.file);
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.writeFileSync(copy, change.before);
  }
  const journal: Journal = {
    id,
    phase,
    time: now.toISOString(),
    state: 'writing',
    entries: changes.map((change) => ({ file: change.file, before: contentHash(change.before), after: change.after === undefined ? null : contentHash(change.after) })),
  };
  writeManifest(repoRoot, journal);
  return journal;
}

export function completeJournal(repoRoot: string, journal: Journal): void {
  writeManifest(repoRoot, { ...journal, state: 'complete' });
}

/** Removes a journal whose run was rolled back: there is nothing to undo. */
export function discardJournal(repoRoot: string, journal: Journal): void {
  fs.rmSync(path.join(repoRoot, JOURNAL_DIR, journal.id), { recursive: true, force: true });
}

/** Journals in the order they were written, oldest first. */
function listJournals(repoRoot: string): Journal[] {
  const root = path.join(repoRoot, JOURNAL_DIR);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, 'manifest.json')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => readManifest(repoRoot, id));
}

export interface UndoOutcome {
  journal: Journal;
  restored: string[];
}

/** Restores the newest run; undefined when there is nothing to undo. */
export function undoLast(repoRoot: string): UndoOutcome | undefined {
  const journal = listJournals(repoRoot).pop();
  if (!journal) return undefined;
  const folder = path.join(repoRoot, JOURNAL_DIR, journal.id);
  const plan = journal.entries.map((entry) => {
    const target = path.join(repoRoot, entry.file);
    const current = fs.existsSync(target) ? contentHash(fs.readFileSync(target, 'utf8')) : null;
    // Written by the run: restore. Still old (an interrupted run never reached it): leave it.
    return { entry, target, action: current === entry.after ? ('restore' as const) : current === entry.before ? ('keep' as const) : ('conflict' as const) };
  });
  const conflicts = plan.filter((step) => step.action === 'conflict').map((step) => step.entry.file);
  if (conflicts.length > 0) {
    throw new SsotError(
      'UNDO_CONFLICT',
      `cannot undo ${journal.id}: ${conflicts.length} file(s) changed since that run: ${conflicts.slice(0, 5).join(', ')}${conflicts.length > 5 ? ', …' : ''}; nothing restored`,
    );
  }
  const restored: string[] = [];
  for (const step of plan) {
    if (step.action !== 'restore') continue;
    if (step.entry.before === null) fs.rmSync(step.target);
    else writeAtomically(step.target, fs.readFileSync(path.join(folder, 'before', step.entry.file), 'utf8'));
    restored.push(step.entry.file);
  }
  // A run killed between staging and renaming leaves its temp files beside their targets.
  for (const step of plan) {
    const folderOfTarget = path.dirname(step.target);
    const prefix = `.${path.basename(step.target)}.ssot-`;
    if (!fs.existsSync(folderOfTarget)) continue;
    for (const name of fs.readdirSync(folderOfTarget)) if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(folderOfTarget, name), { force: true });
  }
  fs.rmSync(folder, { recursive: true, force: true });
  return { journal, restored };
}

function writeManifest(repoRoot: string, journal: Journal): void {
  writeAtomically(path.join(repoRoot, JOURNAL_DIR, journal.id, 'manifest.json'), JSON.stringify(journal, null, 2) + '\n');
}

function readManifest(repoRoot: string, id: string): Journal {
  const file = path.join(repoRoot, JOURNAL_DIR, id, 'manifest.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Journal;
  } catch (error) {
    throw new SsotError('UNDO_CONFLICT', `${file}: unreadable journal (${(error as Error).message})`, { file });
  }
}

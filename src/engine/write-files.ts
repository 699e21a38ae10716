// Applies a run to disk, and nothing else: only files whose new text parsed, all staged in temp
// files before any is renamed into place, never through a symlink, never outside the repo root,
// and never over a file that changed since it was read.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileResult } from '../result/types.js';
import { SsotError } from '../errors.js';
import { isInside } from './paths.js';

export interface WriteOutcome {
  written: string[];
  deleted: string[];
}

export function writeResults(repoRoot: string, files: readonly FileResult[]): WriteOutcome {
  const root = fs.realpathSync(repoRoot);
  const pending = files.filter((file) => file.status === 'changed' || file.status === 'deleted');
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
  const done: typeof staged = [];
  try {
    for (const entry of staged) {
      if (entry.temporary) fs.renameSync(entry.temporary, entry.target);
      else fs.rmSync(entry.target);
      done.push(entry);
    }
  } catch (error) {
    for (const entry of done) fs.writeFileSync(entry.target, originals.get(entry.file.file)!);
    for (const { temporary } of staged) if (temporary) fs.rmSync(temporary, { force: true });
    throw new SsotError('WRITE_FAILED', `writing failed (${(error as Error).message}); the files already written were restored`);
  }
  return {
    written: staged.filter((entry) => entry.temporary).map((entry) => entry.file.file),
    deleted: staged.filter((entry) => !entry.temporary).map((entry) => entry.file.file),
  };
}

function assertWritable(root: string, target: string, relative: string): void {
  if (!isInside(root, target)) throw new SsotError('OUTSIDE_REPO', `${relative}: outside the repo root ${root}; nothing written`);
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) throw new SsotError('OUTSIDE_REPO', `${relative}: is a symlink; refusing to write through it; nothing written`);
  const real = fs.realpathSync(target);
  if (!isInside(root, real)) throw new SsotError('OUTSIDE_REPO', `${relative}: resolves outside the repo root (${real}); nothing written`);
}

/** Writes `text` to a temp file in `target`'s folder with `target`'s mode; returns its path. */
function stageText(target: string, text: string): string {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.ssot-${randomUUID()}.tmp`);
  const mode = fs.existsSync(target) ? fs.statSync(target).mode : 0o644;
  try {
    fs.writeFileSync(temporary, text, { mode });
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return temporary;
}

/** One file, atomically: temp file, then rename. */
export function writeAtomically(target: string, text: string): void {
  let temporary: string | undefined;
  try {
    temporary = stageText(target, text);
    fs.renameSync(temporary, target);
  } catch (error) {
    if (temporary) fs.rmSync(temporary, { force: true });
    throw new SsotError('WRITE_FAILED', `${target}: cannot be written (${(error as Error).message})`);
  }
}

/** The hash a result records of the text it was computed from. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

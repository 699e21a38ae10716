// Applies a run to disk, and nothing else: only files whose new text parsed, each written
// atomically (temp file in the same folder, then rename), never through a symlink and never
// outside the repo root, and never over a file that changed since it was read.
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
  for (const file of pending) {
    const target = path.join(root, file.file);
    assertWritable(root, target, file.file);
    if (file.sourceHash && contentHash(fs.readFileSync(target, 'utf8')) !== file.sourceHash) {
      throw new SsotError('WRITE_FAILED', `${file.file}: changed on disk since it was read; nothing written`);
    }
  }
  const outcome: WriteOutcome = { written: [], deleted: [] };
  for (const file of pending) {
    const target = path.join(root, file.file);
    if (file.status === 'deleted') {
      fs.rmSync(target);
      outcome.deleted.push(file.file);
    } else {
      writeAtomically(target, file.newText!);
      outcome.written.push(file.file);
    }
  }
  return outcome;
}

function assertWritable(root: string, target: string, relative: string): void {
  if (!isInside(root, target)) throw new SsotError('OUTSIDE_REPO', `${relative}: outside the repo root ${root}; nothing written`);
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) throw new SsotError('OUTSIDE_REPO', `${relative}: is a symlink; refusing to write through it; nothing written`);
  const real = fs.realpathSync(target);
  if (!isInside(root, real)) throw new SsotError('OUTSIDE_REPO', `${relative}: resolves outside the repo root (${real}); nothing written`);
}

export function writeAtomically(target: string, text: string): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.ssot-${randomUUID()}.tmp`);
  const mode = fs.existsSync(target) ? fs.statSync(target).mode : 0o644;
  try {
    fs.writeFileSync(temporary, text, { mode });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new SsotError('WRITE_FAILED', `${target}: cannot be written (${(error as Error).message})`);
  }
}

/** The hash a result records of the text it was computed from. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// Writing one file so that a reader never sees half of it: temp file beside it, then rename.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SsotError } from '../errors.js';

/** Writes `text` to a temp file in `target`'s folder with `target`'s mode; returns its path. */
export function stageText(target: string, text: string): string {
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

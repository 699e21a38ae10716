// Writing one file so that a reader never sees half of it: temp file beside it, then rename.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SsotError } from '../errors.js';

/** The temp file of a write: `.<name>.ssot-<uuid>.tmp`, hidden, beside its target. */
function temporaryFileFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.ssot-${randomUUID()}.tmp`);
}

/** A name `temporaryFileFor` gives; the uuid keeps a user's own `*.ssot-*.tmp` file out of it. */
const TEMPORARY_NAME = /^\..+\.ssot-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

/** Folders no write of ours goes into, and too big to walk for nothing. */
const NOT_WALKED = new Set(['.git', 'node_modules']);

/**
 * Removes the temp files a killed write left in the repo (SIGKILL or a power cut: nothing could
 * clean up) and returns their repo-relative paths, sorted. Symlinked folders are not followed.
 */
export function removeLeftoverTemporaryFiles(repoRoot: string): string[] {
  const removed: string[] = [];
  const walk = (relativeDir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(repoRoot, relativeDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !NOT_WALKED.has(entry.name)) walk(relative);
      else if (entry.isFile() && TEMPORARY_NAME.test(entry.name)) {
        fs.rmSync(path.join(repoRoot, relative), { force: true });
        removed.push(relative);
      }
    }
  };
  walk('');
  return removed.sort();
}

/**
 * Writes `text` to a temp file in `target`'s folder with `target`'s mode and flushes it to disk
 * before returning its path: renamed over the target after a power cut, an unflushed temp file
 * could leave the target empty.
 */
export function stageText(target: string, text: string): string {
  const temporary = temporaryFileFor(target);
  const mode = fs.existsSync(target) ? fs.statSync(target).mode : 0o644;
  try {
    const descriptor = fs.openSync(temporary, 'w', mode);
    try {
      fs.writeFileSync(descriptor, text);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
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
    syncFolders([target]);
  } catch (error) {
    if (temporary) fs.rmSync(temporary, { force: true });
    throw new SsotError('WRITE_FAILED', `${target}: cannot be written (${(error as Error).message})`);
  }
}

/**
 * Flushes the folders holding `files`, so their renames survive a power cut. Best effort: some
 * platforms and file systems cannot open a folder for syncing.
 */
export function syncFolders(files: readonly string[]): void {
  for (const folder of new Set(files.map((file) => path.dirname(file)))) {
    try {
      const descriptor = fs.openSync(folder, 'r');
      try {
        fs.fsyncSync(descriptor);
      } finally {
        fs.closeSync(descriptor);
      }
    } catch {
      // Windows and some network file systems refuse; the rename itself is still atomic.
    }
  }
}

/** The hash a result records of the text it was computed from. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

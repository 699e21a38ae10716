// `scan --update-baseline` only ever tightens the ratchet: the counts a new baseline would raise
// over the one on disk, so the command can refuse them unless told to accept them.
import fs from 'node:fs';
import { SsotError } from '../errors.js';
import type { BaselineComparison } from '../result/baseline-comparison.js';
import type { Finding } from '../result/types.js';
import { compareBaseline, readBaseline } from './baseline.js';

/**
 * The counts of `findings` above the baseline in `file`; none when there is no baseline yet. A
 * baseline that cannot be read cannot say what rose: it is replaced only with `allowIncrease`.
 */
export function countsThatWouldRise(file: string, findings: readonly Finding[], allowIncrease: boolean): BaselineComparison['rose'] {
  if (!fs.existsSync(file)) return [];
  try {
    return compareBaseline(readBaseline(file), findings).rose;
  } catch (error) {
    if (!(error instanceof SsotError) || error.code !== 'BASELINE_INVALID') throw error;
    if (allowIncrease) return [];
    throw new SsotError('BASELINE_INVALID', error.message, {
      file,
      fix: 'fix it, or replace it with `ssot-migrate scan --update-baseline --allow-increase` (what rose cannot be told from a broken baseline)',
    });
  }
}

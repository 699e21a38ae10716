// `ssot-migrate merge`: the JSON results of every shard of one scan or run, combined into the
// result an unsharded run gives, in any scan format (JSON, SARIF for upload, a table…).
import fs from 'node:fs';
import path from 'node:path';
import { EXIT, SsotError } from '../../errors.js';
import { mergeResults, type ShardResult } from '../../result/merge-results.js';
import type { RunResult } from '../../result/types.js';
import { allFindings, filesWithStatus } from '../../result/counts.js';
import { scanRenderer, type ScanFormat } from '../formats.js';
import type { CliIo } from '../io.js';

export interface MergeOptions {
  files: string[];
  format: ScanFormat;
}

export function mergeCommand(options: MergeOptions, io: CliIo): number {
  if (options.files.length === 0) throw new SsotError('MERGE_INVALID', 'merge: name the --format json result of every shard');
  const parts = options.files.map((file) => readShardResult(path.resolve(io.cwd, file)));
  let merged: RunResult;
  try {
    merged = mergeResults(parts);
  } catch (error) {
    throw new SsotError('MERGE_INVALID', (error as Error).message);
  }
  io.stdout.write(scanRenderer(options.format, io.tool)(merged));
  const skipped = filesWithStatus(merged, 'skipped', 'error').length > 0;
  return allFindings(merged).length > 0 || skipped ? EXIT.violations : EXIT.clean;
}

function readShardResult(file: string): ShardResult {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SsotError('MERGE_INVALID', `${file}: cannot be read as JSON (${reason})`, { file });
  }
  const report = raw as Partial<RunResult> | null;
  const valid =
    report !== null &&
    typeof report === 'object' &&
    (report.command === 'scan' || report.command === 'run') &&
    Array.isArray(report.phases) &&
    Array.isArray(report.files) &&
    typeof report.filesScanned === 'number' &&
    typeof report.filesParsed === 'number';
  if (!valid) throw new SsotError('MERGE_INVALID', `${file}: not the --format json output of scan or run`, { file });
  return { source: file, result: { repo: '', ...report } as RunResult };
}

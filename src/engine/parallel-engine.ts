// `--jobs N`: the engine on N worker threads, each taking every Nth file of the selection, and
// the parts put back together exactly as one thread would have produced them. Each worker
// prepares the phases itself (phase state holds AST nodes and functions, which cannot cross
// threads), so the work spread is the per-file parse, detect and apply.
import { Worker } from 'node:worker_threads';
import { SsotError, type ErrorCode } from '../errors.js';
import type { FileResult, RunResult } from '../result/types.js';
import { runEngine, type EngineOptions, type ProgressEvent } from './run-engine.js';
import type { Shard } from './shard.js';

/** What a worker is given: plain data only. */
export interface WorkerTask {
  options: Omit<EngineOptions, 'onProgress' | 'project' | 'cache'>;
  part: Shard;
}

export type WorkerMessage =
  { type: 'progress'; event: ProgressEvent } | { type: 'result'; result: RunResult } | { type: 'error'; error: { code?: ErrorCode; message: string; file?: string | undefined } };

export interface ParallelOptions extends EngineOptions {
  /** Worker threads; 1 (the default) runs on this thread. */
  jobs?: number;
}

/**
 * How many threads a run uses: the asked number, else one. Each thread prepares the phases (and
 * the type analysis) itself, which costs more than the per-file work it splits saves on the
 * repos measured (MIGRATION.md, Threads), so threads are for a user to ask for.
 */
export function threadsFor(jobs: number | undefined): number {
  return jobs === undefined ? 1 : Math.max(1, Math.floor(jobs));
}

export async function runEngineInParallel(options: ParallelOptions): Promise<RunResult> {
  const { jobs, ...engineOptions } = options;
  // The cache and a caller's project live in this thread: such runs stay here.
  const threads = threadsFor(jobs);
  if (threads <= 1 || options.cache || options.project) return runEngine(engineOptions);
  const { onProgress, cache: _cache, ...plain } = engineOptions;
  const { workerScript } = await import('./worker-script.js');
  const emit = onProgress ?? (() => {});
  const threadProgress = Array.from({ length: threads }, () => ({ started: false, ended: false, done: 0, total: 0, parsed: 0, reused: 0 }));
  const sum = (field: 'done' | 'total' | 'parsed' | 'reused'): number => threadProgress.reduce((total, entry) => total + entry[field], 0);
  // One start line once every thread knows its share; file counts only after it, so the total never grows.
  const allStarted = (): boolean => threadProgress.every((entry) => entry.started);
  const parts = await Promise.all(
    threadProgress.map((mine, index) =>
      runWorker(workerScript, { options: plain, part: { index: index + 1, count: threads } }, (event) => {
        if (event.type === 'start') {
          Object.assign(mine, { started: true, total: event.total });
          if (allStarted()) emit({ ...event, total: sum('total') });
        } else if (event.type === 'file') {
          mine.done = event.done;
          if (allStarted()) emit({ type: 'file', done: sum('done'), total: sum('total'), file: event.file });
        } else {
          Object.assign(mine, { ended: true, parsed: event.parsed, reused: event.reused });
          if (threadProgress.every((entry) => entry.ended)) emit({ type: 'end', parsed: sum('parsed'), reused: sum('reused') });
        }
      }),
    ),
  );
  return joinParts(parts);
}

function runWorker(script: string, task: WorkerTask, onProgress: (event: ProgressEvent) => void): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.event);
      else if (message.type === 'result') {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        const { code, message: text, file } = message.error;
        reject(code ? new SsotError(code, text, file ? { file } : {}) : new Error(text));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`a worker thread stopped (exit code ${code}) before sending its result`));
    });
  });
}

/**
 * The parts of one run as a single-thread run gives them: files in path order, counts summed.
 * A phase's deletions are withheld when a file failed anywhere, as `runEngine` withholds them
 * when one failed in its own part: a consumer left unrewritten would import a file that is gone.
 */
export function joinParts(parts: readonly RunResult[]): RunResult {
  const first = parts[0]!;
  const failed = parts.some((part) => part.files.some((file) => file.status === 'error' || file.status === 'skipped'));
  const files: FileResult[] = parts
    .flatMap((part) => part.files)
    .filter((file) => !(failed && file.status === 'deleted'))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    command: first.command,
    phases: first.phases,
    repo: first.repo,
    files,
    filesScanned: parts.reduce((sum, part) => sum + part.filesScanned, 0),
    filesParsed: parts.reduce((sum, part) => sum + part.filesParsed, 0),
    ...(first.notices ? { notices: first.notices } : {}),
    ...(first.shard ? { shard: first.shard } : {}),
  };
}

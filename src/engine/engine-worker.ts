// One worker thread of a parallel run: the engine on its part of the files, progress and the
// result sent back to the main thread (see parallel-engine.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { SsotError } from '../errors.js';
import { loadPhaseDependencies, runEngine, type EngineOptions } from './run-engine.js';
import type { WorkerMessage, WorkerTask } from './parallel-engine.js';

const port = parentPort!;
const task = workerData as WorkerTask;
const send = (message: WorkerMessage): void => port.postMessage(message);

async function work(): Promise<void> {
  try {
    await loadPhaseDependencies(task.options.phases, task.options.config);
    const options: EngineOptions = { ...task.options, part: task.part, onProgress: (event) => send({ type: 'progress', event }) };
    send({ type: 'result', result: runEngine(options) });
  } catch (error) {
    const failure = error instanceof SsotError ? { code: error.code, message: error.message, file: error.file } : { message: String((error as Error)?.stack ?? error) };
    send({ type: 'error', error: failure });
  }
}

void work();

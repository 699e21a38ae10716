// Where the compiled worker entry is: beside this module in the ES modules the tool ships.
// Kept apart and loaded only when a run starts threads, because import.meta exists only there
// (the tests type-check and run the sources as CommonJS, and never start threads in-process).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Checked under two module settings and an error under only one, so @ts-expect-error would fail the other.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see above
// @ts-ignore -- import.meta is not allowed when the sources are checked as CommonJS.
export const workerScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'engine-worker.js');

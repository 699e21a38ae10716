// A synchronous require for the ES module build, resolving packages from where the compiled
// engine stands, so a dependency that costs seconds to load (ts-morph) can be loaded at the
// moment a phase first needs it rather than ahead of every run. Loaded only in the ES module
// build: import.meta exists only there (the tests run the sources as CommonJS, with `require`).
import { createRequire } from 'node:module';

// Checked under two module settings and an error under only one, so @ts-expect-error would fail the other.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- see above
// @ts-ignore -- import.meta is not allowed when the sources are checked as CommonJS.
export const packageRequire: (id: string) => unknown = createRequire(import.meta.url);

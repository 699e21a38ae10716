// The one TypeScript the tool runs: the compiler ts-morph ships, so the type-aware phases and the
// type-check gate can never disagree. The gate loads it on first need (0.3 s), not at startup.
// That compiler keeps its standard library (lib.*.d.ts) in memory, not on disk: a program built
// with it directly must be handed those files, or Promise, Map and Date are unknown.
import path from 'node:path';
import type * as TsMorphCommon from '@ts-morph/common';
import { toPosix } from './paths.js';

export type TypeScript = typeof TsMorphCommon.ts;

export interface LoadedTypeScript {
  ts: TypeScript;
  /** The standard library, by file name (lib.es2022.d.ts …). */
  libFiles: ReadonlyMap<string, string>;
  /** The (virtual) folder TypeScript is told the library lives in. */
  libFolder: string;
}

let loaded: LoadedTypeScript | undefined;

export async function loadTypeScript(): Promise<LoadedTypeScript> {
  if (!loaded) {
    // ts-morph is built on @ts-morph/common: the same module, the same `ts` object.
    const common = await import('@ts-morph/common');
    loaded = { ts: common.ts, libFiles: new Map(common.getLibFiles().map((file) => [file.fileName, file.text])), libFolder: common.libFolderInMemoryPath };
  }
  return loaded;
}

/** The standard library text of `file` when it names one in `libFolder`, else undefined. */
export function libFileText(typescript: LoadedTypeScript, file: string): string | undefined {
  const posix = toPosix(file);
  return path.posix.dirname(posix) === typescript.libFolder ? typescript.libFiles.get(path.posix.basename(posix)) : undefined;
}

// Type information for the phases that need it (signatures, factories). Loaded lazily, once per
// run, and only for the files a phase asks about: its candidate files plus what TypeScript
// resolves from them. Never the whole repo: that is what makes ts-morph slow on a monorepo.
import path from 'node:path';
import type { TypeServices } from '../phase-api/define-phase.js';
import type * as TsMorph from 'ts-morph';
import { findTsconfig } from './type-check-gate.js';
import { repoFileOf } from './paths.js';

// ts-morph carries a whole TypeScript compiler (0.3 s to load): loaded only for runs with a
// type-aware phase. An ES module cannot require it synchronously, so such a run loads it first.
let tsMorph: typeof TsMorph | undefined;

/** Loads ts-morph ahead of a run whose phases need types. */
export async function loadTypeChecker(): Promise<void> {
  tsMorph ??= await import('ts-morph');
}

function typeChecker(): typeof TsMorph {
  // Under CommonJS (the tests) `require` works without the preload; the ES module build never gets here unloaded.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the synchronous load is the point
  tsMorph ??= typeof require === 'function' ? (require('ts-morph') as typeof TsMorph) : undefined;
  if (!tsMorph) throw new Error('type information was asked for before loadTypeChecker()');
  return tsMorph;
}

export function createTypeServices(repoRoot: string, configuredTsconfig: string | undefined): TypeServices {
  const { Project } = typeChecker();
  const tsconfig = findTsconfig(repoRoot, configuredTsconfig);
  const project = new Project({
    ...(tsconfig ? { tsConfigFilePath: tsconfig } : { defaultCompilerOptions: { allowJs: true, strict: true } }),
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    // ts-morph's TypeScript (6.x) rejects options repos still use (baseUrl, moduleResolution
    // node10) unless told they are known: we only ask it for types.
    compilerOptions: { ignoreDeprecations: '6.0', noEmit: true },
  });
  const absolute = (file: string): string => path.join(repoRoot, file);
  return {
    project,
    hasTsconfig: tsconfig !== undefined,
    load(files) {
      return files.map((file) => project.getSourceFile(absolute(file)) ?? project.addSourceFileAtPath(absolute(file)));
    },
    sourceFile: (file) => project.getSourceFile(absolute(file)),
    setText: (file, text) => project.createSourceFile(absolute(file), text, { overwrite: true }),
    repoPath: (sourceFile) => repoFileOf(repoRoot, sourceFile.getFilePath()),
  };
}

// Type information for the phases that need it (signatures, factories). Loaded lazily, once per
// run, and only for the files a phase asks about: its candidate files plus what TypeScript
// resolves from them. Never the whole repo: that is what makes ts-morph slow on a monorepo.
import path from 'node:path';
import { Project } from 'ts-morph';
import type { TypeServices } from '../../transforms/utils/define-phase.js';
import { findTsconfig } from './type-check-gate.js';
import { toPosix } from './paths.js';

export function createTypeServices(repoRoot: string, configuredTsconfig: string | undefined): TypeServices {
  const tsconfig = findTsconfig(repoRoot, configuredTsconfig);
  const project = new Project({
    ...(tsconfig ? { tsConfigFilePath: tsconfig } : { defaultCompilerOptions: { allowJs: true, strict: true } }),
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    // ts-morph carries its own TypeScript (6.x), which rejects options repos still use
    // (baseUrl, moduleResolution node10) unless told they are known: we only ask for types.
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
    repoPath(sourceFile) {
      const relative = toPosix(path.relative(repoRoot, sourceFile.getFilePath()));
      return relative.startsWith('../') || path.isAbsolute(relative) || relative.split('/').includes('node_modules') ? undefined : relative;
    },
  };
}

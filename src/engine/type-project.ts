// Type information for the phases that need it (signatures, factories). Loaded lazily, once per
// run, and only for the files a phase asks about: its candidate files plus what TypeScript
// resolves from them. Never the whole repo: that is what makes ts-morph slow on a monorepo.
import path from 'node:path';
import type { TypeServices } from '../phase-api/define-phase.js';
import type * as TsMorph from 'ts-morph';
import { findTsconfig } from './type-check-gate.js';
import { repoFileOf } from './paths.js';

// ts-morph carries a whole TypeScript compiler (0.3 s to load, more to build a program): it is
// loaded the first time a phase asks for types, which the type-aware phases do only with their
// config section and candidate files. Under CommonJS (the tests) `require` loads it; the ES module
// build has no `require` of its own, so a run with a type-aware phase fetches one first.
let tsMorph: typeof TsMorph | undefined;
let requirePackage: ((id: string) => unknown) | undefined = typeof require === 'function' ? require : undefined;

/** Makes the type checker loadable on demand in a run whose phases may ask for types. */
export async function loadTypeChecker(): Promise<void> {
  requirePackage ??= (await import('./package-require.js')).packageRequire;
}

function typeChecker(): typeof TsMorph {
  if (!requirePackage) throw new Error('type information was asked for before loadTypeChecker()');
  tsMorph ??= requirePackage('ts-morph') as typeof TsMorph;
  return tsMorph;
}

/**
 * The tsconfig's own declaration files (`global.d.ts`, `declare module 'x'` shims): nothing
 * imports them, so without them a package they declare, or a global type, would be unknown.
 */
function addDeclarationFiles(project: TsMorph.Project, tsconfig: string): void {
  const { ts } = typeChecker();
  const commandLine = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  for (const file of commandLine?.fileNames ?? []) {
    if (/\.d\.[cm]?ts$/.test(file) && !file.includes(`${path.sep}node_modules${path.sep}`)) project.addSourceFileAtPathIfExists(file);
  }
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
  if (tsconfig) addDeclarationFiles(project, tsconfig);
  const absolute = (file: string): string => path.join(repoRoot, file);
  const load = (files: readonly string[]): TsMorph.SourceFile[] => files.map((file) => project.getSourceFile(absolute(file)) ?? project.addSourceFileAtPath(absolute(file)));
  return {
    project,
    hasTsconfig: tsconfig !== undefined,
    load,
    loadModule(module) {
      if (module.isFile) return load([module.key])[0]!;
      const probe = absolute(`.ssot-package-probe/${encodeURIComponent(module.key)}.ts`);
      const specifier = JSON.stringify(module.key);
      return project.getSourceFile(probe) ?? project.createSourceFile(probe, `export * from ${specifier};\nexport { default } from ${specifier};\n`, { overwrite: true });
    },
    sourceFile: (file) => project.getSourceFile(absolute(file)),
    setText: (file, text) => project.createSourceFile(absolute(file), text, { overwrite: true }),
    repoPath: (sourceFile) => repoFileOf(repoRoot, sourceFile.getFilePath()),
  };
}

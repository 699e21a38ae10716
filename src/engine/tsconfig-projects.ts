// The TypeScript projects a tsconfig stands for: itself and every project it references, followed
// through nested "references" (each resolving its own "extends"). A solution-style tsconfig
// ("files": [] and "references") contains no file itself; its referenced projects do.
import fs from 'node:fs';
import path from 'node:path';
import type { ts } from 'ts-morph';
import { SsotError } from '../errors.js';
import { toPosix } from './paths.js';
import type { TypeScript } from './typescript.js';

export interface TsProject {
  /** The tsconfig file (absolute, path.normalize'd). */
  configFile: string;
  commandLine: ts.ParsedCommandLine;
  /** The files the project contains (absolute, path.normalize'd), from its files/include/exclude. */
  files: ReadonlySet<string>;
}

/** The project of `tsconfig` and all it references, depth first, each once (cycles allowed). */
export function readTsProjects(typescript: TypeScript, tsconfig: string, repoRoot: string): TsProject[] {
  const projects: TsProject[] = [];
  const seen = new Set<string>();
  const name = (file: string): string => toPosix(path.relative(repoRoot, file)) || file;
  const visit = (configFile: string, referencedFrom: string | undefined): void => {
    const key = path.normalize(configFile);
    if (seen.has(key)) return;
    seen.add(key);
    const where = `${name(key)}${referencedFrom ? ` (referenced from ${name(referencedFrom)})` : ''}`;
    if (!fs.existsSync(key)) throw new SsotError('TSCONFIG_INVALID', `${where}: no such tsconfig`);
    const commandLine = typescript.getParsedCommandLineOfConfigFile(
      key,
      {},
      {
        ...typescript.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new SsotError('TSCONFIG_INVALID', `${where}: ${typescript.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
        },
      },
    );
    if (!commandLine) throw new SsotError('TSCONFIG_INVALID', `${where}: cannot be read`);
    projects.push({ configFile: key, commandLine, files: new Set(commandLine.fileNames.map((file) => path.normalize(file))) });
    for (const reference of commandLine.projectReferences ?? []) visit(typescript.resolveProjectReferencePath(reference), key);
  };
  visit(tsconfig, undefined);
  return projects;
}

/** The first project (in `readTsProjects` order) that contains `file` (absolute), if any. */
export function projectOwning(projects: readonly TsProject[], file: string): TsProject | undefined {
  const key = path.normalize(file);
  return projects.find((project) => project.files.has(key));
}

// A facade the run deletes must not be imported by a file the run does not read: a script, a
// component or a test that the config's include leaves out would break at run time, and neither
// the rewrite nor the type-check gate would see it.
import type { ProjectServices } from '../../src/phase-api/define-phase.js';
import { findModuleReferences } from '../shared/module-references.js';
import { namesModuleOf } from '../shared/specifier-prefilter.js';

/** The first file outside the run's scope that references each of `facades`, with the line. */
export function importersOutsideScope(project: ProjectServices, facades: ReadonlySet<string>, terms: readonly string[]): Map<string, { file: string; line: number | undefined }> {
  const importers = new Map<string, { file: string; line: number | undefined }>();
  const isFacade = (key: string): boolean => facades.has(key);
  for (const file of project.filesOutsideScope()) {
    const text = project.readFile(file);
    if (text === undefined || !namesModuleOf(text, file, terms, project, isFacade)) continue;
    const parsed = project.parseSyntaxTree(file);
    if (!parsed) {
      // It names a facade in a string and cannot be read: it may import it.
      for (const facade of facades) if (!importers.has(facade) && namesModuleOf(text, file, terms, project, (key) => key === facade)) importers.set(facade, { file, line: undefined });
      continue;
    }
    for (const reference of findModuleReferences(parsed.root, parsed.source)) {
      const target = project.resolve(reference.specifier, file).key;
      if (isFacade(target) && !importers.has(target)) importers.set(target, { file, line: reference.line });
    }
  }
  return importers;
}

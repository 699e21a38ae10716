// Config entries that can match nothing in scope. A misspelt path, or a module nothing imports
// any more, gives "0 violations" for that entry, which reads as progress; the run says so instead.
// Read by text, as the prefilter reads: a file that names the module in a quoted string that
// resolves to it may import it; one that does not, cannot.
import type { ProjectServices } from '../../src/phase-api/define-phase.js';
import type { CanonicalMap, ConfiguredSource } from '../shared/canonical-map.js';
import { namesModuleOf, QUOTED } from '../shared/specifier-prefilter.js';
import { containsAnyTerm } from '../../src/shared/term-search.js';
import { stripExtension } from '../../src/shared/file-extensions.js';

/** One line per config entry that nothing in scope can match, in config order. */
export function unmatchedEntries(map: CanonicalMap, project: ProjectServices): string[] {
  const namers = new Map<string, string[]>();
  const filesNaming = (source: ConfiguredSource): string[] => {
    const id = source.key ?? source.name;
    let found = namers.get(id);
    if (!found) {
      found = project.files.filter((file) => file !== source.key && names(source, file, map, project));
      namers.set(id, found);
    }
    return found;
  };
  let barrelImporters: string[] | undefined;
  const throughBarrels = (): string[] => {
    if (barrelImporters) return barrelImporters;
    const reexporters = new Set(map.reexporterKeys());
    const terms = [...reexporters].flatMap((key) => map.specifierTerms(key));
    barrelImporters = reexporters.size === 0 ? [] : project.files.filter((file) => namesModuleOf(project.readFile(file) ?? '', file, terms, project, (key) => reexporters.has(key)));
    return barrelImporters;
  };
  const notes: string[] = [];
  for (const source of map.configuredSources) {
    if (source.key === undefined && !source.matches) {
      // `lodash/get.js` names a repo path unless the package is installed: a fresh checkout may not have it yet.
      const quoted = [`'${source.name}'`, `"${source.name}"`];
      const importer = project.files.find((file) => containsAnyTerm(project.readFile(file) ?? '', quoted));
      const bare = stripExtension(source.name);
      notes.push(
        importer
          ? `${source.field}: "${source.name}" is no file in the repo, yet ${importer} imports it as a package: install the package, or write "${bare}" in the config`
          : `${source.field}: "${source.name}" is no file in the repo, so nothing can import it (a wrong path, or deleted by an earlier run)`,
      );
      continue;
    }
    const importers = filesNaming(source);
    const module = source.key ?? source.name;
    if (importers.length === 0) {
      notes.push(`${source.field}: no file in scope imports ${module}; nothing to change for it (a misspelt module, or one already migrated away from)`);
      continue;
    }
    // A default export is imported under any name: only a named export can be looked for, in the
    // files that import the module or a barrel that hands it on.
    const named = source.exports.filter((name) => name !== 'default');
    const readers = named.length > 0 ? [...importers, ...throughBarrels()] : [];
    const unnamed = named.filter((name) => !readers.some((file) => wordIn(project.readFile(file) ?? '', name)));
    for (const name of unnamed) notes.push(`${source.field}: no file that imports ${module} names "${name}"; nothing to change for it`);
  }
  return notes;
}

function names(source: ConfiguredSource, file: string, map: CanonicalMap, project: ProjectServices): boolean {
  const text = project.readFile(file);
  if (text === undefined) return false;
  if (source.key !== undefined) return namesModuleOf(text, file, map.specifierTerms(source.key), project, (key) => key === source.key);
  // A family of package paths: a quoted string that starts like one and resolves into it.
  const prefixes = source.prefixes ?? [];
  if (!prefixes.some((prefix) => text.includes(prefix))) return false;
  for (const match of text.matchAll(QUOTED)) {
    if (prefixes.some((prefix) => match[2]!.startsWith(prefix)) && source.matches!(project.resolve(match[2]!, file).key)) return true;
  }
  return false;
}

function wordIn(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!/[\w$]/.test(text[at - 1] ?? '') && !/[\w$]/.test(text[at + word.length] ?? '')) return true;
  }
  return false;
}

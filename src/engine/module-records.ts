// A module's import and export statements as oxc-parser records them while it parses. The
// records cross from the native parser without the tree, so they cost a fraction of a Babel
// parse: enough to tell, before a full parse, whether a file can hand anything on. (On Node 20
// oxc's full tree crosses as JSON, which costs more than parsing with Babel; only the records
// are taken from it.)
import { parseSync } from 'oxc-parser';
import type { ModuleRecord } from '../phase-api/define-phase.js';

type Entry = { kind: string; name: string | null; start: number | null };
type ImportBinding = ModuleRecord['imports'][number]['bindings'][number] & { specifier: string };

/** The records of `code`, parsed as `file`'s kind; undefined when it does not parse. */
export function readModuleRecord(file: string, code: string): ModuleRecord | undefined {
  const parsed = parseSync(file, code, { sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module' });
  if (parsed.errors.some((error) => error.severity === 'Error')) return undefined;
  const imports: ModuleRecord['imports'] = [];
  const byLocal = new Map<string, ImportBinding>();
  // Where each import's names stand: oxc records `import a from 'x'; export { a }` as an export
  // from 'x' whose import name points at the binding there (and says `a`, not `default`).
  const byPosition = new Map<number, ImportBinding>();
  for (const statement of parsed.module.staticImports) {
    const specifier = statement.moduleRequest.value;
    const bindings = statement.entries.map((entry) => {
      const binding = { imported: importedName(entry.importName), local: entry.localName.value, typeOnly: entry.isType };
      const located = { ...binding, specifier };
      byLocal.set(binding.local, located);
      for (const start of [entry.importName.start, entry.localName.start]) if (typeof start === 'number') byPosition.set(start, located);
      return binding;
    });
    imports.push({ specifier, bindings });
  }
  const exports: ModuleRecord['exports'] = parsed.module.staticExports.flatMap((statement) =>
    statement.entries.map((entry) => {
      const exported = entry.exportName.kind === 'None' ? undefined : exportedName(entry.exportName);
      const typeOnly = entry.isType;
      const handedOnImport = entry.moduleRequest && (entry.start < statement.start || entry.start >= statement.end) ? byPosition.get(entry.importName.start ?? -1) : undefined;
      if (handedOnImport) return { exported, from: { specifier: handedOnImport.specifier, imported: handedOnImport.imported }, local: handedOnImport.local, typeOnly };
      if (entry.moduleRequest) return { exported, from: { specifier: entry.moduleRequest.value, imported: importedName(entry.importName) }, typeOnly };
      // `export { x }` and `export default x` of an imported binding hand that import on.
      const local = entry.localName.name ?? undefined;
      const binding = local === undefined ? undefined : byLocal.get(local);
      return binding ? { exported, from: { specifier: binding.specifier, imported: binding.imported }, local, typeOnly } : { exported, ...(local === undefined ? {} : { local }), typeOnly };
    }),
  );
  return { imports, exports };
}

function importedName(name: Entry): string {
  if (name.kind === 'Name') return name.name!;
  return name.kind === 'Default' ? 'default' : '*';
}

function exportedName(name: Entry): string {
  return name.kind === 'Default' ? 'default' : name.name!;
}

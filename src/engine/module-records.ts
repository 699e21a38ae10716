// A module's import and export statements as oxc-parser records them while it parses. The
// records cross from the native parser without the tree, so they cost a fraction of a Babel
// parse: enough to tell, before a full parse, whether a file can hand anything on. (On Node 20
// oxc's full tree crosses as JSON, which costs more than parsing with Babel; only the records
// are taken from it.)
import { parseSync } from 'oxc-parser';
import type { ModuleRecord } from '../phase-api/define-phase.js';

type Entry = { kind: string; name: string | null };

/** The records of `code`, parsed as `file`'s kind; undefined when it does not parse. */
export function readModuleRecord(file: string, code: string): ModuleRecord | undefined {
  const parsed = parseSync(file, code, { sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module' });
  if (parsed.errors.some((error) => error.severity === 'Error')) return undefined;
  const imports: ModuleRecord['imports'] = parsed.module.staticImports.map((statement) => ({
    specifier: statement.moduleRequest.value,
    bindings: statement.entries.map((entry) => ({ imported: importedName(entry.importName), local: entry.localName.value, typeOnly: entry.isType })),
  }));
  const importedLocals = new Map(imports.flatMap(({ specifier, bindings }) => bindings.map((binding) => [binding.local, { specifier, imported: binding.imported }] as const)));
  const exports: ModuleRecord['exports'] = parsed.module.staticExports.flatMap((statement) =>
    statement.entries.map((entry) => {
      const exported = entry.exportName.kind === 'None' ? undefined : exportedName(entry.exportName);
      const typeOnly = entry.isType;
      if (entry.moduleRequest) return { exported, from: { specifier: entry.moduleRequest.value, imported: importedName(entry.importName) }, typeOnly };
      // `export { x }` and `export default x` of an imported binding hand that import on.
      const local = entry.localName.name ?? undefined;
      const from = local === undefined ? undefined : importedLocals.get(local);
      return from ? { exported, from, local, typeOnly } : { exported, local, typeOnly };
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

// Names a template's replacement uses (`newId` in `connectionId: newId('conn')`): present
// already, addable to an import of their module or as a new import, or blocked by a
// same-named binding of something else.
import { importDeclarations, usedNames, type Ranged } from '../shared/ast-edits.js';
import type { FileContext, ProjectServices } from '../../src/phase-api/define-phase.js';
import { addImportSpecifier, importDeclarationText, insertImportStatement, isRemoved } from '../shared/import-text.js';
import { projectSpecifierContext, writeSpecifier } from '../shared/specifier-style.js';

export interface RequiredImport {
  module: string;
  /** A repo file (written as a path from the importing file), or a package (written as named). */
  isFile: boolean;
  name: string;
}

/** Why the name cannot be imported here, or undefined when it is or can be. */
export function importBlocked(file: FileContext, project: ProjectServices, required: RequiredImport): string | undefined {
  if (importsName(file, project, required)) return undefined;
  if (usedNames(file.j, file.root).has(required.name)) return `the replacement uses ${required.name} from ${required.module}, but "${required.name}" names something else here`;
  return undefined;
}

/**
 * Adds the import when missing: into an existing import of the module, else as a new declaration
 * after the last import. Call it after removing the imports the rewrite left unused.
 */
export function ensureImport(file: FileContext, project: ProjectServices, required: RequiredImport): void {
  if (importsName(file, project, required)) return;
  const { j, root } = file;
  const declarations = importDeclarations(j, root);
  const sameModule = declarations.filter((path) => {
    const node = path.node;
    if (node.importKind === 'type' || isRemoved(file, node)) return false;
    const specifiers = node.specifiers ?? [];
    if (specifiers.length === 0 || specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier')) return false;
    return project.resolve(String(node.source.value), file.file).key === required.module;
  });
  if (sameModule.length > 0) {
    addImportSpecifier(file, sameModule.get().node as Ranged, required.name);
    return;
  }
  const sample = declarations
    .nodes()
    .map((node) => String(node.source.value))
    .find((specifier) => project.resolve(specifier, file.file).isFile);
  const specifier = writeSpecifier({
    fromFile: file.file,
    target: { key: required.module, isFile: required.isFile },
    original: sample ?? './',
    originalIsFile: true,
    ...projectSpecifierContext(project, file.file),
    extension: project.config.specifiers.extension,
  });
  insertImportStatement(file, importDeclarationText(file, [required.name], specifier));
}

function importsName(file: FileContext, project: ProjectServices, required: RequiredImport): boolean {
  const { j, root } = file;
  return (
    importDeclarations(j, root)
      .filter((path) => path.node.importKind !== 'type' && project.resolve(String(path.node.source.value), file.file).key === required.module)
      .find(j.ImportSpecifier)
      .filter(
        (path) =>
          (path.node as { importKind?: string }).importKind !== 'type' &&
          String(path.node.imported.name) === required.name &&
          String(path.node.local?.name ?? path.node.imported.name) === required.name,
      ).length > 0
  );
}

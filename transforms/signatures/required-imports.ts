// Names a template's replacement uses (`newId` in `connectionId: newId('conn')`): present
// already, addable to an import of their module or as a new import, or blocked by a
// same-named binding of something else.
import type { ImportDeclaration } from 'jscodeshift';
import { usedNames } from '../shared/ast-edits.js';
import { touch, type FileContext, type ProjectServices } from '../../src/phase-api/define-phase.js';
import { writeSpecifier } from '../shared/specifier-style.js';

export interface RequiredImport {
  module: string;
  name: string;
}

/** Why the name cannot be imported here, or undefined when it is or can be. */
export function importBlocked(file: FileContext, project: ProjectServices, required: RequiredImport): string | undefined {
  if (importsName(file, project, required)) return undefined;
  if (usedNames(file.j, file.root).has(required.name)) return `the replacement uses ${required.name} from ${required.module}, but "${required.name}" names something else here`;
  return undefined;
}

/** Adds the import when missing: into an existing import of the module, else as a new declaration. */
export function ensureImport(file: FileContext, project: ProjectServices, required: RequiredImport): void {
  if (importsName(file, project, required)) return;
  const { j, root } = file;
  const declarations = root.find(j.ImportDeclaration);
  const sameModule = declarations.filter((path) => {
    const node = path.node;
    if (node.importKind === 'type') return false;
    const specifiers = node.specifiers ?? [];
    if (specifiers.length === 0 || specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier')) return false;
    return project.resolve(String(node.source.value), file.file).key === required.module;
  });
  if (sameModule.length > 0) {
    const declaration = sameModule.get().node as ImportDeclaration;
    declaration.specifiers = [...(declaration.specifiers ?? []), j.importSpecifier(j.identifier(required.name))];
    touch(file, declaration);
    return;
  }
  const sample = declarations.nodes().map((node) => String(node.source.value)).find((specifier) => project.resolve(specifier, file.file).isFile);
  const specifier = writeSpecifier({
    fromFile: file.file,
    target: { key: required.module, isFile: true },
    original: sample ?? './',
    originalIsFile: true,
    aliases: project.aliases,
    baseUrl: project.baseUrl,
    packageRootOf: (repoFile) => project.packageOf(repoFile)?.root,
  });
  const declaration = j.importDeclaration([j.importSpecifier(j.identifier(required.name))], j.stringLiteral(specifier));
  if (declarations.length > 0) {
    // Before the last import, not after it: recast pads a statement inserted after the imports
    // with blank lines, and the line diff would then place it past the blank that ends them.
    const last = declarations.at(declarations.length - 1);
    touch(file, last.get().node);
    last.insertBefore(declaration);
  } else {
    const body = root.find(j.Program).get().node.body as unknown[];
    if (body[0]) touch(file, body[0]);
    body.unshift(declaration);
  }
}

function importsName(file: FileContext, project: ProjectServices, required: RequiredImport): boolean {
  const { j, root } = file;
  return (
    root
      .find(j.ImportDeclaration)
      .filter((path) => path.node.importKind !== 'type' && project.resolve(String(path.node.source.value), file.file).key === required.module)
      .find(j.ImportSpecifier)
      .filter((path) => (path.node as { importKind?: string }).importKind !== 'type' && String(path.node.imported.name) === required.name && String(path.node.local?.name ?? path.node.imported.name) === required.name).length > 0
  );
}

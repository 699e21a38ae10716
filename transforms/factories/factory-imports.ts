// The imports side of phase 4: the factory's import is merged into an import of its module, or
// added after the last import, written the way the file writes its other imports; an import the
// rewrite left unused (the legacy accessor, an alias of the class) is removed.
import type { ASTPath, ImportDeclaration } from 'jscodeshift';
import type { FileContext, ProjectServices, ResolvedModule } from '../../src/phase-api/define-phase.js';
import type { TextEdit } from '../../src/phase-api/text-edits.js';
import { freeName, importDeclarations, nameOf, type Ranged } from '../shared/ast-edits.js';
import { addImportSpecifier, importDeclarationText, insertImportStatement, isRemoved, removeListElements } from '../shared/import-text.js';
import { bindingNames, removeUnusedBindings, unusedLocals } from '../shared/unused-bindings.js';
import { projectSpecifierContext, writeSpecifier } from '../shared/specifier-style.js';

/** The name the file calls the factory by, and whether an import must bring it in. */
export interface FactoryName {
  local: string;
  missing: boolean;
}

export class FactoryImports {
  constructor(
    private readonly file: FileContext,
    private readonly project: ProjectServices,
  ) {}

  /** The local name of `exportName` of `target` in this file: its import's, else a free name. */
  localName(target: ResolvedModule, exportName: string): FactoryName {
    for (const path of this.importsOf(target)) {
      for (const specifier of path.node.specifiers ?? []) {
        if (specifier.type === 'ImportSpecifier' && nameOf(specifier.imported) === exportName && (specifier as { importKind?: string }).importKind !== 'type')
          return { local: String(specifier.local?.name ?? exportName), missing: false };
      }
    }
    return { local: freeName(exportName, bindingNames(this.file)), missing: true };
  }

  /**
   * Imports `exportName` as `name.local` when it is missing: merged into an import of its module
   * that stays, else a new import written like `styleFrom` (the legacy import it replaces).
   * Call it after `removeUnused`, so an import on its way out takes nothing new.
   */
  addImport(target: ResolvedModule, exportName: string, name: FactoryName, styleFrom: string | undefined): void {
    if (!name.missing) return;
    const binding = bindingText(exportName, name.local);
    const mergeable = this.importsOf(target).find((path) => {
      const specifiers = path.node.specifiers ?? [];
      return specifiers.length > 0 && !specifiers.some((existing) => existing.type === 'ImportNamespaceSpecifier') && !isRemoved(this.file, path.node);
    });
    if (mergeable) addImportSpecifier(this.file, mergeable.node, binding);
    else insertImportStatement(this.file, importDeclarationText(this.file, [binding], this.specifierFor(target, styleFrom)));
  }

  /**
   * Removes the imports of `locals` that nothing refers to once `replaced` is in place. An import
   * of the factory's module left with no name in use takes the factory's name in place
   * (`import { Cache } from 'lib'` → `import { createCache } from 'lib'`), so `name` is then no
   * longer missing.
   */
  removeUnused(locals: Iterable<string>, replaced: readonly TextEdit[], target: ResolvedModule, exportName: string, name: FactoryName): void {
    const unused = unusedLocals(this.file, locals, replaced);
    if (name.missing) {
      const emptied = this.importsOf(target).find((path) => {
        const specifiers = path.node.specifiers ?? [];
        return specifiers.length > 0 && specifiers.every((specifier) => specifier.type === 'ImportSpecifier' && unused.has(String(specifier.local?.name)));
      });
      if (emptied) {
        const [first, ...others] = emptied.node.specifiers! as unknown as Ranged[];
        this.file.edits.replace(first!.start!, first!.end!, bindingText(exportName, name.local));
        if (others.length > 0) removeListElements(this.file, [first!, ...others], new Set(others));
        for (const specifier of emptied.node.specifiers!) unused.delete(String(specifier.local?.name));
        name.missing = false;
      }
    }
    removeUnusedBindings(this.file, unused, replaced);
  }

  private importsOf(target: ResolvedModule): Array<ASTPath<ImportDeclaration>> {
    const { j } = this.file;
    return importDeclarations(j, this.file.root)
      .filter((path) => path.node.importKind !== 'type' && this.project.resolve(String(path.node.source.value), this.file.file).key === target.key)
      .paths();
  }

  private specifierFor(target: ResolvedModule, styleFrom: string | undefined): string {
    const { j } = this.file;
    const original =
      styleFrom ??
      importDeclarations(j, this.file.root)
        .paths()
        .map((path) => String(path.node.source.value))
        .find((specifier) => this.project.resolve(specifier, this.file.file).isFile) ??
      './';
    return writeSpecifier({
      fromFile: this.file.file,
      target,
      original,
      originalIsFile: this.project.resolve(original, this.file.file).isFile,
      ...projectSpecifierContext(this.project, this.file.file),
      extension: this.project.config.specifiers.extension,
    });
  }
}

/** `name`, or `name as local`. */
function bindingText(exportName: string, local: string): string {
  return local === exportName ? exportName : `${exportName} as ${local}`;
}

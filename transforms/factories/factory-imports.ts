// The imports side of phase 4: the factory's import is added, or merged into an import of its
// module, written the way the file writes its other imports; an import the rewrite left
// unused (the legacy accessor, an alias of the class) is removed.
import type { ASTPath, ImportDeclaration, StringLiteral } from 'jscodeshift';
import { touch, type FileContext, type ProjectServices, type ResolvedModule } from '../../src/phase-api/define-phase.js';
import { freeName, insertAbove, nameOf, setStringValue } from '../shared/ast-edits.js';
import { bindingNames, removeBindingIfUnused } from '../shared/unused-bindings.js';
import { writeSpecifier } from '../shared/specifier-style.js';

export class FactoryImports {
  /** The import this run added, and the import it was put above. */
  private added: { declaration: ImportDeclaration; above: ImportDeclaration } | undefined;

  constructor(
    private readonly file: FileContext,
    private readonly project: ProjectServices,
  ) {}

  /**
   * The local name of the factory in this file, importing it when needed. `styleFrom` is a
   * specifier the new import should be written like (the legacy import it replaces).
   */
  ensureImported(target: ResolvedModule, exportName: string, styleFrom: string | undefined): string {
    const { j } = this.file;
    const imports = this.importsOf(target).filter((path) => path.node.importKind !== 'type');
    for (const path of imports) {
      for (const specifier of path.node.specifiers ?? []) {
        if (specifier.type === 'ImportSpecifier' && nameOf(specifier.imported) === exportName && (specifier as { importKind?: string }).importKind !== 'type') return String(specifier.local?.name ?? exportName);
      }
    }
    const local = freeName(exportName, bindingNames(this.file));
    const specifier = local === exportName ? j.importSpecifier(j.identifier(exportName)) : j.importSpecifier(j.identifier(exportName), j.identifier(local));
    const mergeable = imports.find((path) => !(path.node.specifiers ?? []).some((existing) => existing.type === 'ImportNamespaceSpecifier') && (path.node.specifiers ?? []).length > 0);
    if (mergeable) {
      touch(this.file, mergeable.node);
      mergeable.node.specifiers = [...(mergeable.node.specifiers ?? []), specifier];
      return local;
    }
    const declaration = j.importDeclaration([specifier], j.stringLiteral(''));
    setStringValue(declaration.source as StringLiteral, this.specifierFor(target, styleFrom));
    // Above an import (recast separates a statement inserted below another with a blank
    // line): the one it replaces when there is one, else the last.
    const all = this.file.root.find(j.ImportDeclaration).paths();
    const anchor = all.find((path) => String(path.node.source.value) === styleFrom) ?? all[all.length - 1];
    if (anchor) {
      touch(this.file, anchor.node);
      // A file header stays at the top; an import's own comment stays with it.
      if (anchor.node === (this.file.root.find(j.Program).get().node as { body: unknown[] }).body[0]) insertAbove(anchor, declaration);
      else anchor.insertBefore(declaration);
      this.added = { declaration, above: anchor.node };
    } else {
      (this.file.root.find(j.Program).get().node as { body: unknown[] }).body.unshift(declaration);
    }
    return local;
  }

  /** Removes the import of `local` when nothing in the file refers to it any more. */
  removeIfUnused(local: string): void {
    // The comments of an import the factory's import replaces go to the factory's import.
    removeBindingIfUnused(this.file, local, [], (removed) => (this.added?.above === removed ? this.added.declaration : undefined));
  }

  private importsOf(target: ResolvedModule): Array<ASTPath<ImportDeclaration>> {
    const { j } = this.file;
    return this.file.root
      .find(j.ImportDeclaration)
      .filter((path) => this.project.resolve(String(path.node.source.value), this.file.file).key === target.key)
      .paths();
  }

  private specifierFor(target: ResolvedModule, styleFrom: string | undefined): string {
    const { j } = this.file;
    const original = styleFrom ?? this.file.root.find(j.ImportDeclaration).paths().map((path) => String(path.node.source.value)).find((specifier) => this.project.resolve(specifier, this.file.file).isFile) ?? './';
    return writeSpecifier({
      fromFile: this.file.file,
      target,
      original,
      originalIsFile: this.project.resolve(original, this.file.file).isFile,
      aliases: this.project.aliases,
      baseUrl: this.project.baseUrl,
      packageRootOf: (file) => this.project.packageOf(file)?.root,
    });
  }
}

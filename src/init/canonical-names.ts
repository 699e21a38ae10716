// Which canonical export each export of a module really is: the rename table of a legacy
// entry. Only identities count (re-exports, aliases, empty subclasses, default flips, through
// any chain of modules); a wrapper or an own declaration has no canonical counterpart (null).
import type { Collection } from 'jscodeshift';
import type { ProjectServices } from '../phase-api/define-phase.js';
import { readModuleExports, type ModuleExports } from '../../transforms/shared/module-exports.js';
import { readExportedDeclarations, type ExportedDeclaration } from './exported-declarations.js';

/** Export name → the canonical export it is, or null when it is something of its own. */
export type CanonicalNames = Map<string, string | null>;

interface ParsedModule {
  exports: ModuleExports;
  declarations: ExportedDeclaration[];
  /** Local name → the import that binds it. */
  imports: Map<string, { specifier: string; name: string }>;
}

export class CanonicalNameFinder {
  private readonly parsed = new Map<string, ParsedModule | undefined>();

  constructor(
    private readonly project: ProjectServices,
    private readonly canonicalFile: string,
  ) {}

  /** Every named export of `file` (not those it gets through `export *`) and what it is. */
  namesOf(file: string): CanonicalNames {
    const names: CanonicalNames = new Map();
    const module = this.parse(file);
    if (!module) return names;
    for (const name of module.exports.named.keys()) names.set(name, this.canonicalNameOf(file, name, new Set()));
    return names;
  }

  /** True when `name` is only a type in `file` (an interface, a type alias, `export type`). */
  isTypeOnly(file: string, name: string): boolean {
    const module = this.parse(file);
    const origin = module?.exports.named.get(name);
    if (!module || !origin) return false;
    if (origin.typeOnly) return true;
    const declarations = module.declarations.filter((declaration) => declaration.name === name);
    return origin.kind === 'local' && declarations.length > 0 && declarations.every((declaration) => declaration.kind === 'type');
  }

  /** True when `file` has `export * from` the canonical module (a barrel over it). */
  starsCanonical(file: string): boolean {
    return (this.parse(file)?.exports.stars ?? []).some((star) => this.project.resolve(star, file).key === this.canonicalFile);
  }

  private canonicalNameOf(file: string, name: string, seen: Set<string>): string | null {
    const visit = `${file}\0${name}`;
    if (file === this.canonicalFile) return name;
    if (seen.has(visit)) return null;
    seen.add(visit);
    const module = this.parse(file);
    if (!module) return null;
    const origin = module.exports.named.get(name);
    if (!origin) {
      // Maybe through `export *`: the first star that has the name decides, as in TypeScript.
      for (const star of module.exports.stars) {
        const target = this.project.resolve(star, file);
        if (!target.isFile) continue;
        if (target.key === this.canonicalFile) return name;
        if (this.parse(target.key)?.exports.named.has(name)) return this.canonicalNameOf(target.key, name, seen);
      }
      return null;
    }
    if (origin.kind === 'reexport') {
      if (origin.name === '*') return null;
      const target = this.project.resolve(origin.specifier, file);
      return target.isFile ? this.canonicalNameOf(target.key, origin.name, seen) : null;
    }
    // Declared here: an alias (`const X = Imported`, `type X = Imported`) or an empty subclass.
    const declarations = module.declarations.filter((declaration) => declaration.name === name);
    for (const declaration of declarations) {
      const identity = declaration.aliasOf ?? (declaration.kind === 'class' && declaration.emptyBody ? declaration.extendsName : undefined);
      const imported = identity ? module.imports.get(identity) : undefined;
      if (!imported || imported.name === '*') continue;
      const target = this.project.resolve(imported.specifier, file);
      if (target.isFile) {
        const found = this.canonicalNameOf(target.key, imported.name, seen);
        if (found !== null) return found;
      }
    }
    return null;
  }

  private parse(file: string): ParsedModule | undefined {
    if (this.parsed.has(file)) return this.parsed.get(file);
    const root = this.project.parseFile(file);
    const module = root ? { exports: readModuleExports(root), declarations: readExportedDeclarations(root), imports: importsOf(this.project, root) } : undefined;
    this.parsed.set(file, module);
    return module;
  }
}

function importsOf(project: ProjectServices, root: Collection): Map<string, { specifier: string; name: string }> {
  const j = project.j;
  const imports = new Map<string, { specifier: string; name: string }>();
  root.find(j.ImportDeclaration).forEach(({ node }) => {
    for (const item of node.specifiers ?? []) {
      const local = item.local?.name;
      if (typeof local !== 'string') continue;
      const name =
        item.type === 'ImportSpecifier'
          ? String((item.imported as { name?: string; value?: string }).name ?? (item.imported as { value?: string }).value)
          : item.type === 'ImportDefaultSpecifier'
            ? 'default'
            : '*';
      imports.set(local, { specifier: String(node.source.value), name });
    }
  });
  return imports;
}

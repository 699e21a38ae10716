// Applies the rewiring's plans to one file as text edits of the original: re-points, merges,
// splits and removes declarations. What the plans change in import and export declarations is
// gathered first (later plans see what earlier ones did) and written once per declaration by
// `finish`, in the declaration's own layout; every byte nobody changed stays as it was.
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { FileContext, ResolvedModule } from '../../src/phase-api/define-phase.js';
import { commentsOf, endOfLine, freeName, indentAt, moduleStatements, nameOf, nextToken, quoteString, startOfLine, statementRemoval, stringLiteralText, usedNames, type Ranged } from './ast-edits.js';
import { lineTerminatorOf } from './import-text.js';
import { fileListStyle, rewriteList, widthOf } from './list-layout.js';
import { localReferences } from './local-references.js';
import type { MemberUse } from './namespace-usage.js';
import type { ModuleReference } from './module-references.js';
import { localName, type ImportsState, type NameMove, type NamedExportSpecifier, type PlanEditor, type ReferencePlan } from './reference-plan.js';
import { projectSpecifierContext, writeSpecifier, type ExtensionStyle } from './specifier-style.js';
import { hasMarkup } from '../../src/shared/file-extensions.js';
import { splitSpecifier } from '../../src/shared/specifier-parts.js';

/** One binding of a declaration as it will be written. */
interface Binding {
  kind: 'default' | 'named' | 'namespace';
  /** The export it names: the imported name of an import, the local name of an export-from. */
  name: string;
  /** The name it binds (an import) or is exported as (an export-from). */
  alias: string;
  /** Written with an inline `type`. */
  typeOnly: boolean;
  /** The specifier it was in the original, if it was. */
  node?: Ranged;
  /** Set when it is written anew where its specifier stood. */
  changed?: boolean;
  /** A new binding written before the declaration's own. */
  first?: boolean;
  /** The comments that came with it from a list that is gone: on the lines above it, and after it on its line. */
  comments?: { above: string[]; before: string[]; after: string[] };
}

/** An import or export-from declaration of the file, or one this rewrite adds. */
interface Declaration {
  kind: 'import' | 'export';
  node?: Ranged & { source: Ranged & { value: string } };
  typeOnly: boolean;
  /** The module path as it will be written, and the module it names. */
  specifier: string;
  key: string;
  bindings: Binding[];
  removed: boolean;
  repointed: boolean;
  /** For a new declaration: the statement it goes above, and the declaration whose layout it takes. */
  anchor?: Ranged;
  template?: Ranged & { source?: Ranged | null; specifiers?: Ranged[] | null };
  /** Where it stands among the others (a new one just above its anchor). */
  order: number;
  /** The `declare module` block it is in (its start), or -1 for the module itself: each has its own imports. */
  scope: number;
  /**
   * A list this editor wrote in name order (an `export *` made explicit): names merged into it
   * later take their place in that order, as they would in a later run that finds it sorted.
   */
  sorted?: boolean;
}

/** Applies plans to one file; knows the file's declarations as they will be, so moved names merge into them. */
export class FileEditor implements PlanEditor {
  /** Every name the file uses, read on first need: most rewrites bind no new name. */
  private takenNames: Set<string> | undefined;
  private readonly declarations: Declaration[] = [];
  /** Ranges already replaced (an inlined call): code inside them is gone and needs no edit of its own. */
  private readonly replaced: Array<{ start: number; end: number }> = [];
  private finished = false;
  /** Comments that moved with their specifier into a new declaration (by start): the old place drops them. */
  private readonly carried = new Set<number>();
  /** The bodies of the file's `declare module` blocks, and the one the plan being applied stands in. */
  private readonly moduleBlocks: Array<{ start: number; end: number }> = [];
  private scope = -1;

  private get taken(): Set<string> {
    this.takenNames ??= usedNames(this.file.j, this.file.root);
    return this.takenNames;
  }

  constructor(
    private readonly file: FileContext,
    private readonly state: ImportsState,
  ) {
    const add = (node: ASTNode, kind: Declaration['kind']): void => {
      const declaration = node as unknown as NonNullable<Declaration['node']> & { importKind?: string; exportKind?: string; specifiers?: ASTNode[] | null };
      if (!declaration.source) return;
      const specifier = String(declaration.source.value);
      this.declarations.push({
        kind,
        node: declaration,
        typeOnly: (kind === 'import' ? declaration.importKind : declaration.exportKind) === 'type',
        specifier,
        key: this.state.project.resolve(specifier, file.file).key,
        bindings: (declaration.specifiers ?? []).map((item) => bindingOf(item)),
        removed: false,
        repointed: false,
        order: declaration.start!,
        scope: this.scopeOf(declaration.start!),
      });
    };
    const statements = moduleStatements(file.root);
    this.moduleBlocks = moduleBlocksOf(statements);
    for (const statement of statements) {
      if (statement.type === 'ImportDeclaration') add(statement, 'import');
      else if (statement.type === 'ExportNamedDeclaration') add(statement, 'export');
    }
    this.declarations.sort((a, b) => a.order - b.order);
  }

  /** Makes the edits that follow those of the module or `declare module` block `node` stands in: a block's imports are its own. */
  within(node: unknown): void {
    this.scope = this.scopeOf((node as Ranged).start!);
  }

  /** The innermost `declare module` block holding `offset` (its start), or -1. */
  private scopeOf(offset: number): number {
    let scope = -1;
    for (const block of this.moduleBlocks) if (block.start <= offset && offset < block.end && block.start > scope) scope = block.start;
    return scope;
  }

  specifierFor(target: ResolvedModule, original: string): string {
    // `./x?raw` or `!!loader!./x` asks for something else than the module: it keeps its own path.
    const existing = hasLoaderParts(original) ? undefined : (this.existingDeclarations(target, 'import')[0] ?? this.existingDeclarations(target, 'export')[0]);
    if (existing) return existing.specifier;
    const { project } = this.state;
    const originalIsFile = project.resolve(original, this.file.file).isFile;
    const configured = project.config.specifiers.extension;
    return writeSpecifier({
      fromFile: this.file.file,
      target,
      original,
      originalIsFile,
      ...projectSpecifierContext(project, this.file.file),
      // A package's path says nothing of the repo's style: the file's own imports of its modules do.
      extension: configured === 'keep' && !originalIsFile ? this.siblingExtensionStyle() : configured,
    });
  }

  /** How the file's imports of repo files end: `.js` (or `.mjs`/`.cjs`), `.ts`, or as `keep` decides when it has none. */
  private siblingExtensionStyle(): ExtensionStyle {
    const { project } = this.state;
    for (const declaration of this.declarations) {
      if (!declaration.node || !project.resolve(declaration.specifier, this.file.file).isFile) continue;
      const ending = /\.[cm]?[jt]sx?$/.exec(splitSpecifier(declaration.specifier).path)?.[0];
      if (!ending) return 'none';
      return /^\.[cm]?tsx?$/.test(ending) ? '.ts' : '.js';
    }
    return 'keep';
  }

  replace(node: unknown, text: string): void {
    const ranged = node as Ranged;
    this.file.edits.replace(ranged.start!, ranged.end!, text);
    this.replaced.push({ start: ranged.start!, end: ranged.end! });
  }

  private isReplaced(node: unknown): boolean {
    const { start, end } = node as Ranged;
    return this.replaced.some((range) => range.start <= start! && end! <= range.end);
  }

  setString(literal: unknown, value: string): void {
    this.replace(literal, stringLiteralText(this.file.source, literal as Ranged, value));
  }

  renameKey(property: unknown, name: string): void {
    const node = property as Ranged & { key: Ranged & { type: string; name?: string; value?: string }; value: Ranged; shorthand?: boolean };
    const current = String(node.key.name ?? node.key.value);
    if (current === name) return;
    if (node.shorthand) this.replace(node, `${name}: ${this.textOf(node.value)}`);
    else if (node.key.type === 'Identifier') this.replace(node.key, name);
    else this.setString(node.key, name);
  }

  /**
   * Renames the binding `declared` introduces, with every reference to it, unless the config
   * keeps local names or the new name could mean something else here (it is already used in
   * the file, or the binding is one the scope tracker does not know). The declaration itself is
   * left to the caller.
   */
  private followRename(declared: ASTNode, name: string, gone: readonly unknown[] = []): boolean {
    if (this.keepsLocalNames() || !/^[A-Za-z_$][\w$]*$/.test(name) || this.taken.has(name)) return false;
    return this.renameReferences(declared, name, localReferences(this.file, declared), gone);
  }

  /** Renames a binding and its references, but those inside `gone`, code the caller replaces whole. */
  renameBinding(declared: unknown, name: string, gone: readonly unknown[] = []): boolean {
    if (!this.followRename(declared as ASTNode, name, gone)) return false;
    this.replace(declared, name);
    return true;
  }

  /**
   * A moved import whose export the file already imports from the target under its own name
   * (`import { Unified }` beside `import { Legacy }` that becomes Unified): its references take
   * that name and the import goes, so one export is never bound twice. Only where that name means
   * the import at every reference, and local names follow renames.
   */
  private joinExistingBinding(declared: ASTNode, existing: string): boolean {
    if (this.keepsLocalNames()) return false;
    return this.renameReferences(declared, existing, localReferences(this.file, declared, existing));
  }

  /**
   * Whether local names stay as they are: the config says so, or the file is a component whose
   * markup (a Vue template, Svelte markup), which no phase reads, may name them.
   */
  private keepsLocalNames(): boolean {
    return this.state.project.config.keepLocalNames || hasMarkup(this.file.file);
  }

  /** `gone`: code the caller replaces whole (`ns.Member` named on its own), with the references in it. */
  private renameReferences(declared: ASTNode, name: string, references: ReturnType<typeof localReferences>, gone: readonly unknown[] = []): boolean {
    if (!references) return false;
    const old = (declared as { name: string }).name;
    for (const reference of references) {
      if (gone.some((node) => within(reference.node, node))) continue;
      if (reference.form === 'plain') this.replace(reference.node, name);
      else if (reference.form === 'shorthand') this.replace(reference.node, `${old}: ${name}`);
      else this.replace(reference.node, this.state.project.config.renamePublicExports ? name : `${name} as ${old}`);
    }
    this.taken.add(name);
    return true;
  }

  /** Removes a statement; the comments around it stay where they are. */
  remove(statement: ASTPath): void {
    const declaration = this.declarationOf(statement.node);
    if (declaration) declaration.removed = true;
    else this.removeStatement(statement.node);
  }

  /** Takes one specifier out of a declaration (the declaration goes when it has none left). */
  removeSpecifier(statement: ASTNode, specifier: unknown): void {
    const declaration = this.declarationOf(statement);
    if (!declaration) return;
    declaration.bindings = declaration.bindings.filter((binding) => binding.node !== specifier);
    if (declaration.bindings.length === 0) declaration.removed = true;
  }

  setSpecifier(reference: ModuleReference, target: ResolvedModule): string {
    const value = this.specifierFor(target, reference.specifier);
    const declaration = this.declarationOf(reference.owner.node);
    if (declaration) {
      declaration.specifier = value;
      declaration.key = target.key;
      declaration.repointed = true;
    } else {
      this.setString(reference.literal.node, value);
    }
    return value;
  }

  rewriteImport(plan: ReferencePlan): void {
    const declaration = this.declarationOf(plan.reference.owner.node);
    if (!declaration || declaration.removed) return;
    const movesByName = new Map(plan.moves.map((move) => [move.name, move]));
    const kept: Binding[] = [];
    const moving: MovingName[] = [];
    for (const binding of declaration.bindings) {
      const move = movesByName.get(binding.name);
      const item = move && { move, alias: binding.alias, typeOnly: declaration.typeOnly || binding.typeOnly, binding };
      if (!item || binding.changed) kept.push(binding);
      else if (move.target.key === declaration.key) {
        // Renamed within its module: the specifier changes where it stands, and an unaliased
        // local name follows the export's.
        const local = binding.kind === 'named' && binding.alias === binding.name ? (binding.node as { local?: ASTNode } | undefined)?.local : undefined;
        renameImportBinding(item);
        if (local && this.followRename(local, move.targetName)) binding.alias = move.targetName;
        kept.push(binding);
      } else {
        const existing = binding.kind === 'named' && !item.typeOnly ? this.importedLocal(move.target, move.targetName) : undefined;
        const local = (binding.node as { local?: ASTNode } | undefined)?.local;
        // Only into an import under the export's own name: references then read as the target's.
        if (existing === move.targetName && existing !== binding.alias && local && this.joinExistingBinding(local, existing)) continue;
        moving.push(item);
      }
    }
    const groups = groupByTarget(moving, (item) => item.move.target);
    const inPlace = kept.length === 0 && groups.size === 1;
    for (const [target, items] of groups) {
      // Names imported only as types (`import { type A }`) merge into an `import type` as well.
      const existing = this.mergeableImport(target, declaration.typeOnly || items.every((item) => item.typeOnly), declaration);
      if (existing && inPlace && this.hasNote(declaration) && existing.node && !this.hasComments(existing.node) && existing.typeOnly === declaration.typeOnly) {
        // A note beside the import stays beside it: the import of `target` joins this one,
        // re-pointed where it stands, rather than this one joining it.
        this.repoint(declaration, target, plan.reference.specifier);
        for (const item of items) renameImportBinding(item);
        const joining = existing.bindings.filter((binding) => !declaration.bindings.some((own) => own.alias === binding.alias && own.name === binding.name));
        declaration.bindings.unshift(...joining.map((binding) => ({ ...binding, node: undefined, first: true })));
        existing.removed = true;
        return;
      }
      if (existing) {
        // Names keep the order their imports stood in: joining an import further down, they go first.
        addBindings(existing, items, existing.order > declaration.order);
      } else if (inPlace) {
        // The same declaration, re-pointed: its specifiers are renamed where they stand, so
        // their comments and layout stay.
        this.repoint(declaration, target, plan.reference.specifier);
        for (const item of items) renameImportBinding(item);
        return;
      } else {
        const created = this.create('import', target, plan.reference.specifier, declaration.typeOnly, plan.reference.owner.node);
        addBindings(
          created,
          items.map((item) => ({ ...item, typeOnly: item.typeOnly && !declaration.typeOnly, ...(kept.length === 0 ? { comments: this.carryComments(declaration, item.binding) } : {}) })),
        );
      }
    }
    if (kept.length === 0) declaration.removed = true;
    else declaration.bindings = kept;
  }

  /**
   * An import of `target` that can take more specifiers without changing their meaning. Names of
   * an `import type` go into an `import type` only: the file wrote them apart, as a lint rule or
   * a bundler may want. Inline `type` names may join a value import.
   */
  private mergeableImport(target: ResolvedModule, typeOnly: boolean, exclude: Declaration | undefined): Declaration | undefined {
    if (exclude && hasLoaderParts(exclude.specifier)) return undefined;
    const candidates = this.existingDeclarations(target, 'import').filter((declaration) => declaration !== exclude);
    const sameKind = candidates.find((declaration) => declaration.typeOnly === typeOnly);
    return sameKind ?? (typeOnly && !exclude?.typeOnly ? candidates[0] : undefined);
  }

  rewriteSideEffectImport(plan: ReferencePlan): void {
    const target = plan.moves[0]!.target;
    const own = this.declarationOf(plan.reference.owner.node);
    const stillImported = this.declarations.some(
      (declaration) => declaration !== own && declaration.kind === 'import' && !declaration.removed && declaration.key === target.key && declaration.scope === this.scope,
    );
    if (stillImported) this.remove(plan.reference.owner);
    else this.setSpecifier(plan.reference, target);
  }

  rewriteExportFrom(plan: ReferencePlan): void {
    const declaration = this.declarationOf(plan.reference.owner.node);
    if (!declaration || declaration.removed) return;
    const movesByName = new Map(plan.moves.map((move) => [move.name, move]));
    const kept: Binding[] = [];
    const moving: MovingName[] = [];
    for (const binding of declaration.bindings) {
      const move = movesByName.get(binding.name);
      // The public name stays (`export { newName as oldName }`) unless the config renames it too.
      const renamesPublicName = move && this.state.project.config.renamePublicExports && binding.alias === binding.name;
      if (renamesPublicName) binding.alias = move.targetName;
      const item = move && { move, alias: binding.alias, typeOnly: declaration.typeOnly || binding.typeOnly, binding };
      if (!item || binding.changed) kept.push(binding);
      else if (move.target.key === declaration.key) {
        renameExportBinding(item, declaration.typeOnly);
        kept.push(binding);
      } else moving.push(item);
    }
    const groups = groupByTarget(moving, (item) => item.move.target);
    const inPlace = kept.length === 0 && groups.size === 1;
    for (const [target, items] of groups) {
      const existing = this.existingDeclarations(target, 'export').find((candidate) => candidate !== declaration && candidate.typeOnly === declaration.typeOnly);
      if (existing) {
        addExportBindings(existing, items);
      } else if (inPlace) {
        this.repoint(declaration, target, plan.reference.specifier);
        for (const item of items) renameExportBinding(item, declaration.typeOnly);
        return;
      } else {
        const created = this.create('export', target, plan.reference.specifier, declaration.typeOnly, plan.reference.owner.node);
        addExportBindings(created, kept.length === 0 ? items.map((item) => ({ ...item, comments: this.carryComments(declaration, item.binding) })) : items);
      }
    }
    if (kept.length === 0) declaration.removed = true;
    else declaration.bindings = kept;
  }

  /** `export * from legacy` keeps its meaning: moved names are re-exported explicitly. */
  rewriteExportAll(plan: ReferencePlan): void {
    // `export type * from` re-exports types only: so do the explicit exports that replace it.
    const typeOnlyStar = (plan.reference.owner.node as { exportKind?: string }).exportKind === 'type';
    // A name this file already exports (an earlier star expanded, an explicit export) is not exported twice.
    const exported = this.exportedNames();
    const moving = plan.moves
      .filter((move) => !exported.has(move.name))
      .map((move): MovingName => ({ move, alias: move.name, typeOnly: !typeOnlyStar && this.state.map.isTypeOnly(move.target.key, move.targetName) }));
    for (const [target, items] of groupByTarget(moving, (item) => item.move.target)) {
      const created = this.create('export', target, plan.reference.specifier, typeOnlyStar, plan.reference.owner.node);
      created.sorted = true;
      addExportBindings(created, items);
    }
    const everyNameMoves =
      plan.role === 'legacy' && (this.state.map.exportNames(plan.module.key)?.size ?? 0) === plan.moves.length + (this.state.map.exportNames(plan.module.key)?.has('default') ? 1 : 0);
    if (everyNameMoves) this.remove(plan.reference.owner);
  }

  /** `export * from barrel` names the modules the barrel hands on: one star each, written like the original, and the barrel's listed names. */
  repointExportAll(plan: ReferencePlan): void {
    const statement = plan.reference.owner.node as Ranged & { exportKind?: string };
    const literal = plan.reference.literal.node as Ranged;
    const typeOnlyStar = statement.exportKind === 'type';
    const exported = this.exportedNames();
    const named = plan.moves
      .filter((move) => move.name !== '*' && !exported.has(move.name))
      .map((move): MovingName => ({ move, alias: move.name, typeOnly: !typeOnlyStar && this.state.map.isTypeOnly(move.target.key, move.targetName) }));
    for (const [target, items] of groupByTarget(named, (item) => item.move.target)) {
      addExportBindings(this.create('export', target, plan.reference.specifier, typeOnlyStar, statement), items);
    }
    const [first, ...rest] = plan.moves.filter((move) => move.name === '*');
    if (!first) {
      this.removeStatement(statement);
      return;
    }
    const { source } = this.file;
    this.setString(literal, this.specifierFor(first.target, plan.reference.specifier));
    // Each further star copies the statement with its own path, on a line of its own after the
    // statement's line (and a comment that ends it).
    const before = source.slice(statement.start!, literal.start!);
    const after = source.slice(literal.end!, statement.end!);
    const lines = rest.map(
      (move) => `${lineTerminatorOf(source)}${indentAt(source, statement.start!)}${before}${stringLiteralText(source, literal, this.specifierFor(move.target, plan.reference.specifier))}${after}`,
    );
    if (lines.length > 0) this.file.edits.insert(endOfLine(source, statement.end!).contentEnd, lines.join(''));
  }

  /** Names the file exports through `export { … }` declarations, as they will be. */
  private exportedNames(): Set<string> {
    const names = new Set<string>();
    for (const declaration of this.declarations) {
      if (declaration.kind === 'export' && !declaration.removed) for (const binding of declaration.bindings) names.add(binding.alias);
    }
    // Local `export { x }` lists have no source: read them from the tree.
    this.file.root.find(this.file.j.ExportNamedDeclaration).forEach(({ node }) => {
      if (node.source) return;
      for (const specifier of node.specifiers ?? []) names.add(nameOf((specifier as NamedExportSpecifier).exported));
    });
    return names;
  }

  /** Moved members of a namespace import become named imports; the namespace keeps the rest. */
  splitNamespace(plan: ReferencePlan, allMembers: MemberUse[]): void {
    const { j } = this.file;
    // A member inside a call already inlined (phase 2's wrappers) is gone with that call.
    const members = allMembers.filter((member) => !this.isReplaced(member.path.node));
    const owner = this.declarationOf(plan.reference.owner.node);
    const typeOnly = owner?.typeOnly ?? false;
    const locals = new Map<string, string>();
    const items: MovingName[] = [];
    // A name seen only as `ns.name` is free once those members are replaced by it.
    const memberCount = new Map<string, number>();
    for (const member of members) memberCount.set(member.name, (memberCount.get(member.name) ?? 0) + 1);
    const onlyAsMember = (name: string): boolean => memberCount.get(name) === this.file.root.find(j.Identifier, { name }).size();
    for (const move of plan.moves) {
      const existing = typeOnly ? undefined : this.importedLocal(move.target, move.targetName);
      if (existing) {
        locals.set(move.name, existing);
        continue;
      }
      if (onlyAsMember(move.targetName)) this.taken.delete(move.targetName);
      const local = freeName(move.targetName, this.taken);
      locals.set(move.name, local);
      items.push({ move, alias: local, typeOnly });
    }
    for (const [target, group] of groupByTarget(items, (item) => item.move.target)) {
      const existing = this.mergeableImport(target, typeOnly, owner);
      if (existing) addBindings(existing, group);
      else
        addBindings(
          this.create('import', target, plan.reference.specifier, typeOnly, plan.reference.owner.node),
          group.map((item) => ({ ...item, typeOnly: false })),
        );
    }
    for (const member of members) {
      const local = locals.get(member.name);
      if (local) this.replace(member.path.node, local);
    }
    // Every member moved: the namespace has no use left (a use as a value is never split).
    if (members.every((member) => locals.has(member.name))) this.remove(plan.reference.owner);
  }

  /**
   * The local name of export `name` of `target` in this file, importing it (merged into an
   * existing import of `target`, or as a new declaration above `above`) when it is not yet.
   */
  ensureImport(target: ResolvedModule, name: string, above: ASTPath, originalSpecifier: string): string {
    const existing = this.importedLocal(target, name);
    if (existing) return existing;
    const local = freeName(name, this.taken);
    const item: MovingName = { move: { name, target, targetName: name }, alias: local, typeOnly: false };
    const merge = this.mergeableImport(target, false, this.declarationOf(above.node));
    addBindings(merge ?? this.create('import', target, originalSpecifier, false, above.node), [item]);
    return local;
  }

  /** The local name under which `name` of `target` is already imported as a value, if it is. */
  private importedLocal(target: ResolvedModule, name: string): string | undefined {
    const bindings = this.existingDeclarations(target, 'import')
      .filter((declaration) => !declaration.typeOnly)
      .flatMap((declaration) => declaration.bindings.filter((item) => item.kind !== 'namespace' && !item.typeOnly && item.name === name));
    // Under its own name first: `{ A as Old, A }` imports A as A.
    return (bindings.find((item) => item.alias === name) ?? bindings[0])?.alias;
  }

  rewriteDestructuring(plan: ReferencePlan, declarator: ASTPath | undefined, moving: ASTNode[], allMove: boolean, renamedInPlace: ASTNode[] = []): void {
    const renames = new Map(plan.moves.map((move) => [move.name, move.targetName]));
    const keyOf = (property: ASTNode): string => {
      const key = (property as { key: { name?: string; value?: string } }).key;
      return String(key.name ?? key.value);
    };
    if (moving.length === 0) {
      for (const property of renamedInPlace) {
        const name = renames.get(keyOf(property))!;
        const node = property as unknown as Ranged & { value: ASTNode; shorthand?: boolean };
        if (node.shorthand && this.followRename(node.value, name)) this.replace(node, name);
        else this.renameKey(property, name);
      }
      return;
    }
    const target = plan.moves.find((move) => move.target.key !== plan.module.key)!.target;
    if (allMove) {
      this.setSpecifier(plan.reference, target);
      for (const property of moving) this.renameKey(property, renames.get(keyOf(property)) ?? keyOf(property));
      return;
    }
    // Split: the moved names get a declaration of their own, right before this one.
    const { source } = this.file;
    const statement = declarator!.parent.node as Ranged & { kind?: string };
    const declaratorNode = declarator!.node as { id: Ranged & { properties: Ranged[]; typeAnnotation?: Ranged | null }; init: ASTNode };
    const pattern = declaratorNode.id;
    const open = pattern.start!;
    const close = source.lastIndexOf('}', pattern.typeAnnotation?.start ?? pattern.end!);
    const removed = new Set(moving);
    const propertyText = (property: ASTNode): string => {
      const name = keyOf(property);
      const renamed = renames.get(name) ?? name;
      const node = property as unknown as Ranged & { key: Ranged; value: Ranged; shorthand?: boolean };
      if (renamed === name) return this.textOf(node);
      return `${renamed}: ${this.textOf(node.value)}`;
    };
    const renamedKeys = new Map(renamedInPlace.map((property) => [property as unknown as Ranged, propertyText(property)]));
    this.file.edits.replace(open + 1, close, rewriteList(source, open, close, pattern.properties, { removed, renamed: renamedKeys, added: [] }, fileListStyle(source)));
    const properties = moving.map(propertyText);
    const quoteFrom = plan.reference.literal.node as unknown as Ranged;
    const call = `${plan.reference.kind === 'dynamic-import' ? 'import' : 'require'}(${stringLiteralText(source, quoteFrom, this.specifierFor(target, plan.reference.specifier))})`;
    const init = declaratorNode.init.type === 'AwaitExpression' ? `await ${call}` : call;
    const semicolon = source[statement.end! - 1] === ';' ? ';' : '';
    this.insertAbove(statement, `${statement.kind ?? 'const'} { ${properties.join(', ')} } = ${init}${semicolon}`);
  }

  /** Writes what the plans changed in declarations; call once, after the last plan. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const { source } = this.file;
    const created = new Map<Ranged, Declaration[]>();
    for (const declaration of this.declarations) {
      if (!declaration.node && !declaration.removed && declaration.bindings.length > 0) created.set(declaration.anchor!, [...(created.get(declaration.anchor!) ?? []), declaration]);
    }
    // A split list's comments before its first name (on its `{` line) go on the first line of the imports written in its place.
    const heads = new Map<Ranged, string[]>();
    for (const anchor of created.keys()) {
      const heading = this.headComments(anchor);
      if (heading.length > 0) heads.set(anchor, heading);
    }
    const notes = new Map<Ranged, string>();
    for (const declaration of this.declarations) {
      if (!declaration.node) continue;
      // A removed import's note goes with the declarations written in its place.
      if (declaration.removed && created.has(declaration.node) && this.hasNote(declaration) && !this.hasComments({ ...declaration.node, end: declaration.node.end! - 1 })) {
        const line = endOfLine(source, declaration.node.end!);
        notes.set(declaration.node, source.slice(declaration.node.end!, line.contentEnd).trim());
        this.file.edits.remove(startOfLine(source, declaration.node.start!), line.offset);
        continue;
      }
      // Replaced by declarations written in its place: only its own line goes, so the blank
      // lines around it stay around them.
      const alone = /^[ \t]*$/.test(source.slice(startOfLine(source, declaration.node.start!), declaration.node.start!));
      if (declaration.removed && created.has(declaration.node) && alone && !this.hasComments(declaration.node)) {
        this.file.edits.remove(startOfLine(source, declaration.node.start!), endOfLine(source, declaration.node.end!).offset);
        continue;
      }
      this.writeExisting(declaration);
    }
    for (const [anchor, declarations] of created) {
      const indent = indentAt(source, anchor.start!);
      const note = notes.get(anchor);
      const texts = declarations.map((declaration) => this.newDeclarationText(declaration, indent));
      const head = heads.get(anchor);
      if (head) texts[0] = withOpeningComments(texts[0]!, head);
      this.insertAbove(anchor, texts.join(lineTerminatorOf(source) + indent) + (note ? ` ${note}` : ''));
    }
  }

  /**
   * The comments of a specifier in a list that goes, taken along to the declaration it moves to:
   * those on the lines between it and the item before, and those after it on its own line. The
   * rest of the list's comments stay where the list stood.
   */
  private carryComments(declaration: Declaration, binding: Binding | undefined): Binding['comments'] {
    const statement = declaration.node;
    const specifier = binding?.node;
    if (!statement || !specifier) return undefined;
    const { source } = this.file;
    const items = ((statement as { specifiers?: Ranged[] | null }).specifiers ?? []).filter(Boolean);
    const index = items.indexOf(specifier);
    if (index === -1) return undefined;
    const previousEnd = index > 0 ? items[index - 1]!.end! : source.indexOf('{', statement.start!) + 1;
    const nextStart = items[index + 1]?.start ?? source.lastIndexOf('}', statement.source.start!);
    const lineEnd = Math.min(endOfLine(source, specifier.end!).contentEnd, nextStart);
    const comments = { above: [] as string[], before: [] as string[], after: [] as string[] };
    for (const comment of commentsOf(this.file.root)) {
      const text = source.slice(comment.start, comment.end);
      if (comment.start >= specifier.end! && comment.start < lineEnd) comments.after.push(text);
      else if (comment.start >= previousEnd && comment.end <= specifier.start! && source.slice(previousEnd, comment.start).includes('\n')) {
        // A comment on the specifier's own line stays in front of it; one on a line above, above it.
        (source.slice(comment.end, specifier.start!).includes('\n') ? comments.above : comments.before).push(text);
      } else continue;
      this.carried.add(comment.start);
    }
    return comments.above.length + comments.before.length + comments.after.length > 0 ? comments : undefined;
  }

  /** The comments of a removed list that gave some to its names, that stand before its first name (see carryComments). */
  private headComments(statement: Ranged): string[] {
    const declaration = this.declarationOf(statement);
    const first = ((statement as { specifiers?: Ranged[] | null }).specifiers ?? [])[0];
    if (!declaration?.removed || !first) return [];
    const inside = commentsOf(this.file.root).filter((comment) => comment.start >= statement.start! && comment.end <= statement.end!);
    if (!inside.some((comment) => this.carried.has(comment.start))) return [];
    return inside
      .filter((comment) => comment.end <= first.start! && !this.carried.has(comment.start))
      .map((comment) => {
        this.carried.add(comment.start);
        return this.file.source.slice(comment.start, comment.end);
      });
  }

  private textOf(node: unknown): string {
    return this.file.source.slice((node as Ranged).start!, (node as Ranged).end!);
  }

  private insertAbove(statement: Ranged, text: string): void {
    const { source } = this.file;
    this.file.edits.insert(startOfLine(source, statement.start!), `${indentAt(source, statement.start!)}${text}${lineTerminatorOf(source)}`);
  }

  private removeStatement(statement: Ranged): void {
    const { source } = this.file;
    // Comments inside the statement stay where it stood, each on a line of its own: two line
    // comments on one line would read as one, and a line comment would swallow what follows it.
    const inner = commentsOf(this.file.root).filter((comment) => comment.start >= statement.start! && comment.end <= statement.end! && !this.carried.has(comment.start));
    if (inner.length > 0) {
      const eol = lineTerminatorOf(source);
      const indent = indentAt(source, statement.start!);
      let text = inner.map((comment) => source.slice(comment.start, comment.end)).join(`${eol}${indent}`);
      const last = source.slice(inner[inner.length - 1]!.start, inner[inner.length - 1]!.start + 2);
      if (last === '//' && source.slice(statement.end!, endOfLine(source, statement.end!).contentEnd).trim() !== '') text += `${eol}${indent}`;
      this.file.edits.replace(statement.start!, statement.end!, text);
      return;
    }
    const removal = statementRemoval(source, statement);
    this.file.edits.remove(removal.start, removal.end);
  }

  /** Whether a comment follows the statement on its last line. */
  private hasNote(declaration: Declaration): boolean {
    const node = declaration.node;
    if (!node) return false;
    const { source } = this.file;
    return /^[ \t]*;?[ \t]*\/[/*]/.test(source.slice(node.end!, source.indexOf('\n', node.end!) === -1 ? source.length : source.indexOf('\n', node.end!)));
  }

  /** Whether a comment stands inside the statement or after it on its line. */
  private hasComments(node: Ranged): boolean {
    const lineEnd = endOfLine(this.file.source, node.end!).contentEnd;
    return commentsOf(this.file.root).some((comment) => comment.start >= node.start! && comment.start < lineEnd);
  }

  private declarationOf(node: unknown): Declaration | undefined {
    return this.declarations.find((declaration) => declaration.node === node);
  }

  /** Import (with names) or export-from declarations of `target`, as they will be, in source order; never one with a loader or a query. */
  private existingDeclarations(target: ResolvedModule, kind: Declaration['kind']): Declaration[] {
    return this.declarations.filter(
      (declaration) =>
        declaration.kind === kind &&
        declaration.scope === this.scope &&
        !hasLoaderParts(declaration.specifier) &&
        !declaration.removed &&
        declaration.key === target.key &&
        !declaration.bindings.some((binding) => binding.kind === 'namespace') &&
        (kind === 'export' || declaration.bindings.length > 0 || !declaration.node),
    );
  }

  private repoint(declaration: Declaration, target: ResolvedModule, original: string): void {
    declaration.specifier = this.specifierFor(target, original);
    declaration.key = target.key;
    declaration.repointed = true;
  }

  /** A new declaration of `target`, to go just above `anchor` in the layout of `anchor`. */
  private create(kind: Declaration['kind'], target: ResolvedModule, original: string, typeOnly: boolean, anchor: Ranged): Declaration {
    const declaration: Declaration = {
      kind,
      typeOnly,
      specifier: this.specifierFor(target, original),
      key: target.key,
      bindings: [],
      removed: false,
      repointed: false,
      anchor,
      template: anchor,
      order: anchor.start! - 0.5,
      scope: this.scopeOf(anchor.start!),
    };
    const index = this.declarations.findIndex((existing) => existing.order > declaration.order);
    this.declarations.splice(index === -1 ? this.declarations.length : index, 0, declaration);
    return declaration;
  }

  private writeExisting(declaration: Declaration): void {
    const node = declaration.node!;
    const { source, edits } = this.file;
    if (declaration.removed) {
      this.removeStatement(node);
      return;
    }
    if (declaration.repointed) edits.replace(node.source.start!, node.source.end!, stringLiteralText(source, node.source, declaration.specifier));
    const original = ((node as { specifiers?: Ranged[] | null }).specifiers ?? []).filter(Boolean);
    settleDefaults(declaration);
    const current = declaration.bindings;
    const unchanged = current.length === original.length && current.every((binding, index) => binding.node === original[index] && !binding.changed);
    if (unchanged) return;
    const isNamed = (item: Ranged): boolean => item.type === 'ImportSpecifier' || item.type === 'ExportSpecifier';
    const originalDefault = original.find((item) => !isNamed(item));
    const originalNamed = original.filter(isNamed);
    const currentDefault = current.find((binding) => binding.kind === 'default');
    const currentNamed = current.filter((binding) => binding.kind === 'named');
    const keptNodes = new Set(currentNamed.flatMap((binding) => (binding.node && isNamed(binding.node) ? [binding.node] : [])));
    const renamed = new Map(currentNamed.filter((binding) => binding.node && isNamed(binding.node) && binding.changed).map((binding) => [binding.node!, bindingText(binding)]));
    const isNew = (binding: Binding): boolean => !binding.node || !isNamed(binding.node);
    const prepended = currentNamed.filter((binding) => isNew(binding) && binding.first).map(bindingText);
    const added = currentNamed.filter((binding) => isNew(binding) && !binding.first).map(bindingText);
    const open = source.indexOf('{', node.start!);
    const hasBraces = open !== -1 && open < node.source.start!;
    const close = hasBraces ? source.lastIndexOf('}', node.source.start!) : -1;
    const style = fileListStyle(source);
    let braces: string | undefined;
    if (hasBraces) {
      // The list keeps its wrapping: a one-line list stays on one line (a formatter may wrap it).
      const inner = rewriteList(source, open, close, originalNamed, { removed: new Set(originalNamed.filter((item) => !keptNodes.has(item))), renamed, added, prepended, specifiers: true }, style);
      braces = currentNamed.length > 0 || inner.trim() !== '' ? `{${inner}}` : undefined;
    } else if (prepended.length + added.length > 0) {
      braces = `{${style.padding}${[...prepended, ...added].join(', ')}${style.padding}}`;
    }
    // A default binding kept as written (a new one has no node, and neither has a list without a default).
    const defaultSame = originalDefault !== undefined && currentDefault?.node === originalDefault && !currentDefault.changed;
    const defaultText = currentDefault ? (defaultSame ? this.textOf(originalDefault) : currentDefault.alias) : undefined;
    if (hasBraces && braces && (defaultSame || (!originalDefault && !currentDefault))) {
      edits.replace(open, close + 1, braces);
      return;
    }
    const start = originalDefault?.start ?? open;
    const end = hasBraces ? close + 1 : originalDefault!.end!;
    const separator = originalDefault && hasBraces ? source.slice(originalDefault.end!, open) : ', ';
    edits.replace(start, end, [defaultText, braces].filter((part) => part !== undefined).join(separator));
  }

  private newDeclarationText(declaration: Declaration, indent: string): string {
    const { source } = this.file;
    const template = declaration.template;
    const templateSource = template?.source ?? undefined;
    // The quote of the declaration it replaces, else the one the file writes module paths with.
    const quoted = templateSource
      ? stringLiteralText(source, templateSource, declaration.specifier)
      : quoteString(declaration.specifier, /(?:\bfrom|\brequire\(|\bimport\(?)\s*"/.test(source) ? '"' : "'");
    const semicolon = template && (template.type.endsWith('Declaration') ? source[template.end! - 1] === ';' : true) ? ';' : '';
    const head = `${declaration.kind}${declaration.typeOnly ? ' type' : ''} `;
    const defaultBinding = declaration.bindings.find((binding) => binding.kind === 'default');
    const namedBindings = declaration.bindings.filter((binding) => binding.kind === 'named');
    if (declaration.sorted) namedBindings.sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
    const named = namedBindings.map(bindingText);
    const withComments = namedBindings.some((binding) => binding.comments);
    const templateNamed = (template?.specifiers ?? []).filter((item) => item.type === 'ImportSpecifier' || item.type === 'ExportSpecifier');
    const templateOpen = templateNamed.length > 0 ? source.lastIndexOf('{', templateNamed[0]!.start!) : -1;
    const templateStyle =
      templateOpen !== -1 && source.slice(templateOpen, templateNamed[0]!.start!).includes('\n')
        ? { indent: indentAt(source, templateNamed[0]!.start!).slice(indent.length), trailingComma: source[nextToken(source, templateNamed[templateNamed.length - 1]!.end!)] === ',' }
        : undefined;
    // The spacing inside braces of the list it replaces, when that list is on one line.
    const padding = templateOpen !== -1 && !templateStyle ? /^[ \t]*/.exec(source.slice(templateOpen + 1))![0] : fileListStyle(source).padding;
    const tail = ` from ${quoted}${semicolon}`;
    const parts = (braces: string): string => `${head}${[defaultBinding?.alias, named.length > 0 ? braces : undefined].filter(Boolean).join(', ')}${tail}`;
    const oneLine = parts(`{${padding}${named.join(', ')}${padding}}`);
    const wide = indent.length + oneLine.length > widthOf(source);
    // One line when it fits the file's width, or when wrapping would not shorten it (a single
    // name, which formatters never wrap). Too wide, a list takes the wrapping of the one it
    // replaces; a list written where there was none (an `export *` made explicit) goes one name
    // per line.
    // Names that brought their comments along go one per line with them, whatever the width.
    if (!withComments && (!wide || (named.length < 2 && !defaultBinding))) return oneLine;
    if (!withComments && !templateStyle && template?.type !== 'ExportAllDeclaration') return oneLine;
    const style = templateStyle ?? fileListStyle(source);
    const eol = lineTerminatorOf(source);
    const itemIndent = `${eol}${indent}${style.indent}`;
    const lines = namedBindings.map((binding, index) => {
      const comma = index < namedBindings.length - 1 || style.trailingComma ? ',' : '';
      const above = (binding.comments?.above ?? []).map((comment) => `${itemIndent}${comment}`).join('');
      const before = (binding.comments?.before ?? []).map((comment) => `${comment} `).join('');
      const after = (binding.comments?.after ?? []).map((comment) => ` ${comment}`).join('');
      return `${above}${itemIndent}${before}${named[index]}${comma}${after}`;
    });
    return parts(`{${lines.join('')}${eol}${indent}}`);
  }
}

/** A name on its way to another declaration (or renamed where it stands). */
interface MovingName {
  move: NameMove;
  /** The local name of an import, the exported name of an export-from. */
  alias: string;
  typeOnly: boolean;
  binding?: Binding;
  comments?: Binding['comments'];
}

function bindingOf(specifier: ASTNode): Binding {
  const node = specifier as unknown as Ranged & { type: string; importKind?: string; exportKind?: string; local?: unknown; exported?: unknown; imported?: unknown };
  const typeOnly = node.importKind === 'type' || node.exportKind === 'type';
  switch (node.type) {
    case 'ImportDefaultSpecifier':
      return { kind: 'default', name: 'default', alias: localName(node), typeOnly, node };
    case 'ImportNamespaceSpecifier':
    case 'ExportNamespaceSpecifier':
      return { kind: 'namespace', name: '*', alias: nameOf(node.local ?? node.exported), typeOnly, node };
    case 'ImportSpecifier':
      return { kind: 'named', name: nameOf(node.imported), alias: localName(node), typeOnly, node };
    default:
      return { kind: 'named', name: nameOf(node.local ?? node.exported), alias: nameOf(node.exported), typeOnly, node };
  }
}

/** A binding as written in a list: `name`, `name as alias`, `type name`, or a default's local. */
function bindingText(binding: Binding): string {
  if (binding.kind === 'default') return binding.alias;
  const name = writtenName(binding.name);
  return `${binding.typeOnly ? 'type ' : ''}${name}${binding.alias !== binding.name ? ` as ${writtenName(binding.alias)}` : ''}`;
}

function writtenName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** The import's binding, now naming the target export (the local name is kept). */
function renameImportBinding(item: MovingName): void {
  const binding = item.binding!;
  const targetName = item.move.targetName;
  if (binding.name === targetName) return;
  binding.changed = true;
  binding.name = targetName;
  binding.kind = targetName === 'default' && !item.typeOnly ? 'default' : 'named';
  // An inline `type` stays; a default cannot carry one.
  binding.typeOnly = binding.kind === 'named' && binding.typeOnly;
}

function renameExportBinding(item: MovingName, typeOnlyDeclaration: boolean): void {
  const binding = item.binding!;
  binding.typeOnly = item.typeOnly && !typeOnlyDeclaration;
  if (binding.name === item.move.targetName) return;
  binding.changed = true;
  binding.name = item.move.targetName;
}

function within(node: unknown, outer: unknown): boolean {
  const inner = node as Ranged;
  const around = outer as Ranged;
  return around.start! <= inner.start! && inner.end! <= around.end!;
}

/** A declaration's text with comments on its first line: after its `{` when the list opens a line, else at the end. */
function withOpeningComments(text: string, comments: readonly string[]): string {
  const brace = text.indexOf('{');
  const lineEnd = text.indexOf('\n');
  if (brace !== -1 && lineEnd > brace && text.slice(brace + 1, lineEnd).trim() === '') return `${text.slice(0, brace + 1)} ${comments.join(' ')}${text.slice(brace + 1)}`;
  return `${text} ${comments.join(' ')}`;
}

function addBindings(declaration: Declaration, items: MovingName[], first = false): void {
  for (const { move, alias, typeOnly, comments } of items) {
    const duplicate = declaration.bindings.some((binding) => binding.alias === alias && binding.name === move.targetName);
    if (duplicate) continue;
    const inlineType = typeOnly && !declaration.typeOnly;
    // `import A, B from` is not a thing, a default cannot carry `type` inline, and `import type`
    // takes a default or named bindings, not both: `{ default as B }` works in every case.
    // A default that brought its comments along stays `default as D` in the list, beside them.
    const asDefault = move.targetName === 'default' && !inlineType && !declaration.typeOnly && !comments && !declaration.bindings.some((binding) => binding.kind === 'default');
    if (asDefault) declaration.bindings.unshift({ kind: 'default', name: 'default', alias, typeOnly: false });
    else declaration.bindings.push({ kind: 'named', name: move.targetName, alias, typeOnly: inlineType, first, ...(comments ? { comments } : {}) });
  }
}

function hasLoaderParts(specifier: string): boolean {
  const parts = splitSpecifier(specifier);
  return parts.prefix !== '' || parts.suffix !== '';
}

function addExportBindings(declaration: Declaration, items: MovingName[]): void {
  for (const { move, alias, typeOnly, comments } of items) {
    if (declaration.bindings.some((binding) => binding.alias === alias)) continue;
    declaration.bindings.push({ kind: 'named', name: move.targetName, alias, typeOnly: typeOnly && !declaration.typeOnly, ...(comments ? { comments } : {}) });
  }
}

/**
 * A declaration has at most one default binding: a second (two imports of one default joined)
 * becomes `{ default as B }`, and so does the default of `import type D, { x }`, which is not allowed.
 */
function settleDefaults(declaration: Declaration): void {
  if (declaration.kind !== 'import') return;
  const defaults = declaration.bindings.filter((binding) => binding.kind === 'default');
  const typeOnlyPair = declaration.typeOnly && declaration.bindings.length > 1;
  for (const [index, binding] of defaults.entries()) {
    if (index === 0 && !typeOnlyPair) continue;
    declaration.bindings.splice(declaration.bindings.indexOf(binding), 1);
    declaration.bindings.push({ kind: 'named', name: 'default', alias: binding.alias, typeOnly: false });
  }
}

function groupByTarget<T>(items: T[], targetOf: (item: T) => ResolvedModule): Map<ResolvedModule, T[]> {
  const byKey = new Map<string, { target: ResolvedModule; items: T[] }>();
  for (const item of items) {
    const target = targetOf(item);
    const group = byKey.get(target.key) ?? { target, items: [] };
    group.items.push(item);
    byKey.set(target.key, group);
  }
  return new Map([...byKey.values()].map((group) => [group.target, group.items]));
}

/** The bodies of the `declare module` blocks among `statements` (which hold theirs too). */
function moduleBlocksOf(statements: ASTNode[]): Array<{ start: number; end: number }> {
  return statements.flatMap((statement) => {
    const declaration = (statement.type === 'ExportNamedDeclaration' ? (statement as { declaration?: ASTNode | null }).declaration : statement) as
      (ASTNode & { body?: Ranged & { type: string } }) | null | undefined;
    const body = declaration?.type === 'TSModuleDeclaration' ? declaration.body : undefined;
    return body?.type === 'TSModuleBlock' ? [{ start: body.start!, end: body.end! }] : [];
  });
}

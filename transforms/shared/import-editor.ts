// Applies phase 1's plans to one file: re-points, merges, splits and removes declarations,
// keeping the file's own style and comments, and recording what it touched.
import type { ASTNode, ASTPath, ExportNamedDeclaration, ImportDeclaration, StringLiteral } from 'jscodeshift';
import { touch, type FileContext, type ResolvedModule } from '../../src/phase-api/define-phase.js';
import { enclosingStatement, freeName, insertAbove, nameOf, removeStatement, setStringValue, usedNames } from './ast-edits.js';
import type { MemberUse } from './namespace-usage.js';
import type { ModuleReference } from './module-references.js';
import { localName, type ImportsState, type NameMove, type NamedExportSpecifier, type PlanEditor, type ReferencePlan } from './reference-plan.js';
import { layOutLikeTheFile } from './list-layout.js';
import { writeSpecifier } from './specifier-style.js';

/** Applies plans to one file; knows the file's existing imports so moved names merge into them. */
export class FileEditor implements PlanEditor {
  private readonly taken: Set<string>;

  constructor(
    private readonly file: FileContext,
    private readonly state: ImportsState,
  ) {
    this.taken = usedNames(file.j, file.root);
  }

  specifierFor(target: ResolvedModule, original: string): string {
    const existing = this.existingDeclarations(target, 'import')[0] ?? this.existingDeclarations(target, 'export')[0];
    if (existing) return String((existing.node as ImportDeclaration).source.value);
    const { project } = this.state;
    return writeSpecifier({
      fromFile: this.file.file,
      target,
      original,
      originalIsFile: project.resolve(original, this.file.file).isFile,
      aliases: project.aliases,
      baseUrl: project.baseUrl,
      packageRootOf: (file) => project.packageOf(file)?.root,
    });
  }

  /** Removes a statement; the one that inherits its comments changes too. */
  remove(statement: ASTPath, heir?: ASTNode): void {
    const inheritor = removeStatement(statement, heir);
    if (inheritor) touch(this.file, inheritor);
  }

  setSpecifier(reference: ModuleReference, target: ResolvedModule): void {
    setStringValue(reference.literal.node, this.specifierFor(target, reference.specifier));
  }

  /** Import or export-from declarations of `target` in this file, in source order. */
  existingDeclarations(target: ResolvedModule, kind: 'import' | 'export', exclude?: ASTNode): ASTPath[] {
    const { j } = this.file;
    const type = kind === 'import' ? j.ImportDeclaration : j.ExportNamedDeclaration;
    const found: ASTPath[] = [];
    this.file.root.find(type as typeof j.ImportDeclaration).forEach((path) => {
      const node = path.node as { source?: StringLiteral | null; specifiers?: Array<{ type: string }> };
      if (!node.source || path.node === exclude) return;
      if ((node.specifiers ?? []).some((specifier) => specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ExportNamespaceSpecifier')) return;
      if (kind === 'import' && (node.specifiers ?? []).length === 0) return;
      if (this.state.project.resolve(String(node.source.value), this.file.file).key === target.key) found.push(path);
    });
    return found;
  }

  rewriteImport(plan: ReferencePlan): void {
    const { j } = this.file;
    const declaration = plan.reference.owner.node as ImportDeclaration;
    const typeOnlyDeclaration = declaration.importKind === 'type';
    const movesByName = new Map(plan.moves.map((move) => [move.name, move]));
    const kept: NonNullable<ImportDeclaration['specifiers']> = [];
    const moving: MovingImport[] = [];
    for (const specifier of declaration.specifiers ?? []) {
      const name = specifier.type === 'ImportSpecifier' ? nameOf(specifier.imported) : 'default';
      const move = movesByName.get(name);
      if (!move) {
        kept.push(specifier);
        continue;
      }
      const typeOnly = typeOnlyDeclaration || (specifier as { importKind?: string }).importKind === 'type';
      moving.push({ move, local: localName(specifier), typeOnly, comments: commentsOf(specifier), specifier });
    }
    const groups = groupByTarget(moving, (item) => item.move.target);
    const inPlace = kept.length === 0 && groups.size === 1;
    let mergedInto: ASTNode | undefined;
    for (const [target, items] of groups) {
      // Names imported only as types (`import { type A }`) merge into an `import type` as well.
      const existing = this.mergeableImport(target, typeOnlyDeclaration || items.every((item) => item.typeOnly), declaration);
      if (existing) {
        touch(this.file, existing.node);
        mergedInto = existing.node;
        addImportSpecifiers(j, existing.node as ImportDeclaration, items);
      } else if (inPlace) {
        // The same declaration, re-pointed: its specifiers are renamed where they stand, so
        // their comments and layout stay.
        setStringValue(declaration.source as StringLiteral, this.specifierFor(target, plan.reference.specifier));
        declaration.specifiers = items.map((item) => renameSpecifier(j, item));
        return;
      } else {
        const created = j.importDeclaration([], j.stringLiteral(''));
        setStringValue(created.source as StringLiteral, this.specifierFor(target, plan.reference.specifier));
        if (typeOnlyDeclaration) created.importKind = 'type';
        addImportSpecifiers(j, created, items.map((item) => ({ ...item, typeOnly: item.typeOnly && !typeOnlyDeclaration })));
        insertAbove(plan.reference.owner, created);
      }
    }
    // Comments about the removed import belong to the import its names went to.
    if (kept.length === 0) this.remove(plan.reference.owner, groups.size === 1 ? mergedInto : undefined);
    else declaration.specifiers = kept;
  }

  /** An import of `target` that can take more specifiers without changing their meaning. */
  private mergeableImport(target: ResolvedModule, typeOnly: boolean, exclude: ASTNode): ASTPath | undefined {
    const candidates = this.existingDeclarations(target, 'import', exclude);
    return candidates.find((path) => ((path.node as ImportDeclaration).importKind === 'type') === typeOnly) ?? (typeOnly ? candidates[0] : undefined);
  }

  rewriteSideEffectImport(plan: ReferencePlan): void {
    const target = this.state.map.canonical;
    const stillImported = this.existingDeclarations(target, 'import').length > 0 || this.hasSideEffectImport(target, plan.reference.owner.node);
    if (stillImported) this.remove(plan.reference.owner);
    else this.setSpecifier(plan.reference, target);
  }

  private hasSideEffectImport(target: ResolvedModule, exclude: ASTNode): boolean {
    const { j } = this.file;
    return (
      this.file.root
        .find(j.ImportDeclaration)
        .filter((path) => path.node !== exclude && (path.node.specifiers ?? []).length === 0)
        .filter((path) => this.state.project.resolve(String(path.node.source.value), this.file.file).key === target.key)
        .size() > 0
    );
  }

  rewriteExportFrom(plan: ReferencePlan): void {
    const { j } = this.file;
    const declaration = plan.reference.owner.node as ExportNamedDeclaration;
    const typeOnlyDeclaration = declaration.exportKind === 'type';
    const movesByName = new Map(plan.moves.map((move) => [move.name, move]));
    const kept: NonNullable<ExportNamedDeclaration['specifiers']> = [];
    const moving: MovingExport[] = [];
    for (const specifier of declaration.specifiers ?? []) {
      const named = specifier as NamedExportSpecifier;
      const local = nameOf(named.local ?? named.exported);
      const move = movesByName.get(local);
      if (!move) {
        kept.push(specifier);
        continue;
      }
      const typeOnly = typeOnlyDeclaration || named.exportKind === 'type';
      moving.push({ move, exported: nameOf(named.exported), typeOnly, comments: commentsOf(specifier) });
    }
    const groups = groupByTarget(moving, (item) => item.move.target);
    const inPlace = kept.length === 0 && groups.size === 1;
    for (const [target, items] of groups) {
      const existing = this.existingDeclarations(target, 'export', declaration).find((path) => ((path.node as ExportNamedDeclaration).exportKind === 'type') === typeOnlyDeclaration);
      if (existing) {
        touch(this.file, existing.node);
        addExportSpecifiers(j, existing.node as ExportNamedDeclaration, items);
      } else if (inPlace) {
        setStringValue(declaration.source as StringLiteral, this.specifierFor(target, plan.reference.specifier));
        declaration.specifiers = [];
        addExportSpecifiers(j, declaration, items);
        return;
      } else {
        const created = this.exportFrom(target, plan.reference.specifier, items, typeOnlyDeclaration);
        insertAbove(plan.reference.owner, created);
        layOutLikeTheFile(this.file, created);
      }
    }
    if (kept.length === 0) this.remove(plan.reference.owner);
    else declaration.specifiers = kept;
  }

  /** `export * from legacy` keeps its meaning: moved names are re-exported explicitly. */
  rewriteExportAll(plan: ReferencePlan): void {
    // `export type * from` re-exports types only: so do the explicit exports that replace it.
    const typeOnlyStar = (plan.reference.owner.node as { exportKind?: string }).exportKind === 'type';
    // A name this file already exports (an earlier star expanded, an explicit export) is not exported twice.
    const exported = this.exportedNames();
    const moving = plan.moves
      .filter((move) => !exported.has(move.name))
      .map((move) => ({ move, exported: move.name, typeOnly: !typeOnlyStar && this.state.map.isTypeOnly(move.target.key, move.targetName) }));
    const groups = groupByTarget(moving, (item) => item.move.target);
    const statements = [...groups].map(([target, items]) => this.exportFrom(target, plan.reference.specifier, items, typeOnlyStar));
    // Inserted before the star: recast separates statements inserted after a node with a blank line.
    for (const statement of statements) insertAbove(plan.reference.owner, statement);
    for (const statement of statements) layOutLikeTheFile(this.file, statement);
    const everyNameMoves = plan.role === 'legacy' && (this.state.map.exportNames(plan.module.key)?.size ?? 0) === plan.moves.length + (this.state.map.exportNames(plan.module.key)?.has('default') ? 1 : 0);
    if (everyNameMoves) this.remove(plan.reference.owner);
  }

  private exportFrom(target: ResolvedModule, original: string, items: MovingExport[], typeOnly: boolean): ExportNamedDeclaration {
    const { j } = this.file;
    const created = j.exportNamedDeclaration(null, [], j.stringLiteral(''));
    setStringValue(created.source as StringLiteral, this.specifierFor(target, original));
    if (typeOnly) created.exportKind = 'type';
    addExportSpecifiers(j, created, items);
    return created;
  }

  /** Names the file exports through `export { … }` declarations, as the tree is now. */
  private exportedNames(): Set<string> {
    const names = new Set<string>();
    this.file.root.find(this.file.j.ExportNamedDeclaration).forEach(({ node }) => {
      for (const specifier of node.specifiers ?? []) names.add(nameOf((specifier as NamedExportSpecifier).exported));
    });
    return names;
  }

  /** Moved members of a namespace import become named imports; the namespace keeps the rest. */
  splitNamespace(plan: ReferencePlan, members: MemberUse[]): void {
    const { j } = this.file;
    const typeOnly = (plan.reference.owner.node as ImportDeclaration).importKind === 'type';
    const locals = new Map<string, string>();
    const items: MovingImport[] = [];
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
      items.push({ move, local, typeOnly });
    }
    for (const [target, group] of groupByTarget(items, (item) => item.move.target)) {
      const existing = this.mergeableImport(target, typeOnly, plan.reference.owner.node);
      if (existing) {
        touch(this.file, existing.node);
        addImportSpecifiers(j, existing.node as ImportDeclaration, group);
      }
      else {
        const created = j.importDeclaration([], j.stringLiteral(''));
        setStringValue(created.source as StringLiteral, this.specifierFor(target, plan.reference.specifier));
        if (typeOnly) created.importKind = 'type';
        addImportSpecifiers(j, created, group.map((item) => ({ ...item, typeOnly: false })));
        insertAbove(plan.reference.owner, created);
      }
    }
    for (const member of members) {
      const local = locals.get(member.name);
      if (!local) continue;
      touch(this.file, member.path.node);
      member.path.replace(j.identifier(local));
    }
    // Every member moved: the namespace has no use left (a use as a value is never split).
    // (Found again: the import inserted above has shifted the statement's path.)
    if (members.every((member) => locals.has(member.name))) {
      const owner = this.file.root.find(j.ImportDeclaration).filter((path) => path.node === plan.reference.owner.node).paths()[0];
      if (owner) {
        // The imports below too: the line diff may align the import inserted above with a
        // later `import {` line, and an insertion there must not be dropped as untouched.
        const start = (owner.node as { loc?: { start: { line: number } } }).loc?.start.line;
        const ends = this.file.root.find(j.ImportDeclaration).nodes().flatMap((node) => (node.loc ? [node.loc.end.line] : []));
        if (start !== undefined) touch(this.file, { loc: { start: { line: start }, end: { line: Math.max(start, ...ends) } } });
        this.remove(owner);
      }
    }
  }

  /**
   * The local name of export `name` of `target` in this file, importing it (merged into an
   * existing import of `target`, or as a new declaration above `above`) when it is not yet.
   */
  ensureImport(target: ResolvedModule, name: string, above: ASTPath, originalSpecifier: string): string {
    const existing = this.importedLocal(target, name);
    if (existing) return existing;
    const { j } = this.file;
    const local = freeName(name, this.taken);
    const item: MovingImport = { move: { name, target, targetName: name }, local, typeOnly: false };
    const merge = this.mergeableImport(target, false, above.node);
    if (merge) {
      touch(this.file, merge.node);
      addImportSpecifiers(j, merge.node as ImportDeclaration, [item]);
      return local;
    }
    const created = j.importDeclaration([], j.stringLiteral(''));
    setStringValue(created.source as StringLiteral, this.specifierFor(target, originalSpecifier));
    addImportSpecifiers(j, created, [item]);
    insertAbove(above, created);
    return local;
  }

  /** The local name under which `name` of `target` is already imported as a value, if it is. */
  private importedLocal(target: ResolvedModule, name: string): string | undefined {
    for (const path of this.existingDeclarations(target, 'import')) {
      const declaration = path.node as ImportDeclaration;
      if (declaration.importKind === 'type') continue;
      for (const specifier of declaration.specifiers ?? []) {
        if (specifier.type !== 'ImportSpecifier' || (specifier as { importKind?: string }).importKind === 'type') continue;
        if (nameOf(specifier.imported) === name) return localName(specifier);
      }
    }
    return undefined;
  }

  rewriteDestructuring(plan: ReferencePlan, declarator: ASTPath | undefined, moving: ASTNode[], allMove: boolean): void {
    const { j } = this.file;
    const renames = new Map(plan.moves.map((move) => [move.name, move.targetName]));
    const renameKey = (property: ASTNode): void => {
      const node = property as { key: { type: string; name?: string; value?: string }; value: ASTNode; shorthand?: boolean };
      const name = String(node.key.name ?? node.key.value);
      const renamed = renames.get(name);
      if (!renamed || renamed === name) return;
      node.shorthand = false;
      node.key = j.identifier(renamed);
    };
    const target = plan.moves[0]!.target;
    if (allMove) {
      this.setSpecifier(plan.reference, target);
      moving.forEach(renameKey);
      return;
    }
    // Split: the moved names get a declaration of their own, right before this one.
    const statement = enclosingStatement(declarator!)!;
    const declaratorNode = declarator!.node as { id: { properties: ASTNode[] }; init: ASTNode };
    declaratorNode.id.properties = declaratorNode.id.properties.filter((property) => !moving.includes(property));
    moving.forEach(renameKey);
    const call = j.callExpression(
      plan.reference.kind === 'dynamic-import' ? j.import() : j.identifier('require'),
      [j.stringLiteral('')],
    );
    setStringValue(call.arguments[0] as StringLiteral, this.specifierFor(target, plan.reference.specifier));
    const init = declaratorNode.init.type === 'AwaitExpression' ? j.awaitExpression(call) : call;
    const kind = (statement.node as { kind?: 'const' | 'let' | 'var' }).kind ?? 'const';
    insertAbove(statement, j.variableDeclaration(kind, [j.variableDeclarator(j.objectPattern(moving as never), init)]));
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

/** A specifier on its way to another declaration; its comments go with it. */
interface MovingImport {
  move: NameMove;
  local: string;
  typeOnly: boolean;
  comments?: unknown[];
  /** The specifier it comes from, when it has one. */
  specifier?: NonNullable<ImportDeclaration['specifiers']>[number];
}

/**
 * The specifier, now naming the target export (the local name is kept). A fresh node with the
 * original's comments: recast's patcher would drop the ` as local` of a renamed original.
 */
function renameSpecifier(j: FileContext['j'], item: MovingImport): NonNullable<ImportDeclaration['specifiers']>[number] {
  const original = item.specifier!;
  const unchanged = original.type === 'ImportDefaultSpecifier' ? item.move.targetName === 'default' : original.type === 'ImportSpecifier' && nameOf(original.imported) === item.move.targetName;
  if (unchanged) return original;
  const replacement =
    item.move.targetName === 'default' && !item.typeOnly ? j.importDefaultSpecifier(j.identifier(item.local)) : j.importSpecifier(j.identifier(item.move.targetName), j.identifier(item.local));
  if (item.typeOnly && (original as { importKind?: string }).importKind === 'type') (replacement as { importKind?: string }).importKind = 'type';
  return withComments(replacement, item.comments);
}

interface MovingExport {
  move: NameMove;
  exported: string;
  typeOnly: boolean;
  comments?: unknown[];
}

function commentsOf(node: unknown): unknown[] | undefined {
  const comments = (node as { comments?: unknown[] | null }).comments;
  return comments && comments.length > 0 ? comments : undefined;
}

function withComments<T>(node: T, comments: unknown[] | undefined): T {
  if (comments) (node as { comments?: unknown[] }).comments = comments;
  return node;
}

/**
 * Comments written inside a list of specifiers cannot follow a specifier into another list
 * reliably (recast re-attaches them to neighbours), so they go above the receiving statement.
 */
function adoptComments(declaration: ASTNode, items: Array<{ comments?: unknown[] }>): void {
  const comments = items.flatMap((item) => item.comments ?? []);
  if (comments.length === 0) return;
  for (const comment of comments) Object.assign(comment as object, { leading: true, trailing: false });
  const node = declaration as { comments?: unknown[] | null };
  node.comments = [...comments, ...(node.comments ?? [])];
}

function addImportSpecifiers(j: FileContext['j'], declaration: ImportDeclaration, items: MovingImport[]): void {
  adoptComments(declaration, items);
  const specifiers = declaration.specifiers ?? [];
  const typeOnlyDeclaration = declaration.importKind === 'type';
  for (const { move, local, typeOnly } of items) {
    const duplicate = specifiers.some(
      (specifier) =>
        localName(specifier) === local &&
        (specifier.type === 'ImportDefaultSpecifier' ? move.targetName === 'default' : specifier.type === 'ImportSpecifier' && nameOf(specifier.imported) === move.targetName),
    );
    if (duplicate) continue;
    const inlineType = typeOnly && !typeOnlyDeclaration;
    // `import A, B from` is not a thing, a default cannot carry `type` inline, and `import type`
    // takes a default or named bindings, not both: `{ default as B }` works in every case.
    if (move.targetName === 'default' && !inlineType && !typeOnlyDeclaration && !specifiers.some((specifier) => specifier.type === 'ImportDefaultSpecifier')) {
      specifiers.unshift(j.importDefaultSpecifier(j.identifier(local)));
      continue;
    }
    const specifier = j.importSpecifier(j.identifier(move.targetName), j.identifier(local));
    if (inlineType) (specifier as { importKind?: string }).importKind = 'type';
    specifiers.push(specifier);
  }
  // `import type D, { x }` is not allowed: the default becomes `{ default as D }`.
  if (typeOnlyDeclaration && specifiers.length > 1) {
    const index = specifiers.findIndex((specifier) => specifier.type === 'ImportDefaultSpecifier');
    if (index !== -1) {
      const local = localName(specifiers[index]!);
      specifiers.splice(index, 1);
      specifiers.push(j.importSpecifier(j.identifier('default'), j.identifier(local)));
    }
  }
  declaration.specifiers = specifiers;
}

function addExportSpecifiers(j: FileContext['j'], declaration: ExportNamedDeclaration, items: MovingExport[]): void {
  adoptComments(declaration, items);
  const specifiers = declaration.specifiers ?? [];
  const typeOnlyDeclaration = declaration.exportKind === 'type';
  for (const { move, exported, typeOnly } of items) {
    const duplicate = specifiers.some((specifier) => nameOf((specifier as NamedExportSpecifier).exported) === exported);
    if (duplicate) continue;
    const specifier = j.exportSpecifier.from({ local: j.identifier(move.targetName), exported: j.identifier(exported) });
    if (typeOnly && !typeOnlyDeclaration) (specifier as { exportKind?: string }).exportKind = 'type';
    specifiers.push(specifier);
  }
  declaration.specifiers = specifiers;
}

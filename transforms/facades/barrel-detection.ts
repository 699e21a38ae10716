// Barrels: modules whose body only hands on what other modules export (`export *`,
// `export { a as b } from`, `export type *`, an import exported again). Each is a facade of
// whatever it hands on, canonical module or not: its names lead, through chains of barrels, to
// the modules that define them. Phase 2 finds them with `facades.discover: "barrels"`.
import type { ASTNode, Collection } from 'jscodeshift';
import type { ProjectServices, ResolvedModule } from '../../src/phase-api/define-phase.js';
import { nameOf, programBody } from '../shared/ast-edits.js';
import { exportNamesOf, importedBindings, readModuleExports, type ModuleExports } from '../shared/module-exports.js';
import { passOnKind, type Evidence, type ExportRole, type FacadeDetail, type FacadeKind } from './facade-detection.js';

export interface BarrelSurvey {
  barrels: Map<string, FacadeDetail>;
  /** Modules declared to be facades that are no barrel, with what makes them more. */
  notBarrels: Map<string, Evidence>;
}

/** One barrel as read from its own text: what it hands on, before chains are followed. */
interface BarrelShape {
  exports: ModuleExports;
  evidence: Array<Evidence & { kind: FacadeKind }>;
  kinds: FacadeKind[];
}

/**
 * Every barrel of the repo, with the role of each name it hands on. `declared` files are read
 * whatever their text, so one that is no barrel gets its reason.
 */
export function surveyBarrels(project: ProjectServices, declared: readonly string[] = []): BarrelSurvey {
  const shapes = new Map<string, BarrelShape>();
  const notBarrels = new Map<string, Evidence>();
  const declaredSet = new Set(declared);
  for (const file of project.files) {
    const text = project.readFile(file);
    if (text === undefined || (!declaredSet.has(file) && !mayBeBarrel(text))) continue;
    const root = project.parseFile(file);
    if (!root) continue;
    const read = readBarrel(project, file, text, root);
    if ('shape' in read) shapes.set(file, read.shape);
    else if (declaredSet.has(file)) notBarrels.set(file, read.ownLogic);
  }
  const barrels = new Map<string, FacadeDetail>();
  const names = new BarrelNames(project, shapes);
  for (const [file, shape] of shapes) {
    const roles = new Map<string, ExportRole>();
    const namespaces: string[] = [];
    for (const [name, origin] of shape.exports.named) {
      // `export * as ns` hands on a module object, which no named import can stand for.
      if (origin.kind === 'reexport' && origin.name === '*') namespaces.push(name);
      if (origin.kind !== 'reexport' || origin.name === '*') continue;
      roles.set(name, { kind: 'forward', target: project.resolve(origin.specifier, file), name: origin.name });
    }
    const listed = [...roles.keys()];
    const stars = shape.exports.stars.map((specifier) => project.resolve(specifier, file));
    for (const target of stars) {
      for (const name of names.of(target) ?? []) if (name !== 'default' && !roles.has(name)) roles.set(name, { kind: 'forward', target, name });
    }
    const kinds = shape.kinds;
    const opaque = names.opaqueStars(file);
    barrels.set(file, {
      file,
      kinds: kinds.length > 0 ? kinds : ['re-export'],
      evidence: shape.evidence,
      roles,
      barrel: { handsOnUnlisted: opaque.length === 1 ? opaque[0] : undefined, stars, listed, namespaces },
    });
  }
  return { barrels, notBarrels };
}

/**
 * A cheap test before a parse: a barrel's code has no `=` and no `(` (no declaration, call or
 * arrow), once comments are gone. A specifier that contains one is missed, never misjudged.
 */
function mayBeBarrel(text: string): boolean {
  if (!/\bexport\b/.test(text)) return false;
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return !/[=(]/.test(code);
}

/** The module read as a barrel, or the first statement that makes it more than one. */
function readBarrel(project: ProjectServices, file: string, text: string, root: Collection): { shape: BarrelShape } | { ownLogic: Evidence } {
  const lines = text.split('\n');
  const at = (node: ASTNode): { line: number; column: number } => {
    const start = (node as { loc?: { start: { line: number; column: number } } }).loc?.start;
    return { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
  };
  const summary = (node: ASTNode): string => (lines[at(node).line - 1] ?? '').trim().replace(/;$/, '').slice(0, 120);
  const imported = new Map([...importedBindings(root)].map(([local, origin]) => [local, origin.name]));
  const body = programBody(root);
  const handedOn = new Set<string>();
  const kinds = new Set<FacadeKind>();
  const evidence: BarrelShape['evidence'] = [];
  const note = (statement: ASTNode, kind: FacadeKind): void => {
    const where = at(statement);
    // One line is one piece of evidence, named after the first kind seen on it; the kinds are all counted.
    kinds.add(kind);
    if (!evidence.some((item) => item.line === where.line)) evidence.push({ ...where, kind, text: summary(statement) });
  };
  for (const statement of body) {
    const ownLogic = (what: string): { ownLogic: Evidence } => ({ ownLogic: { ...at(statement), text: `${what}: ${summary(statement)}` } });
    // `export * from './dist'` with no dist in the repo (a build output): what it hands on is unknown.
    const source = (statement as { source?: { value?: unknown } | null }).source?.value;
    if (typeof source === 'string' && /^\.\.?(\/|$)/.test(source) && !project.resolve(source, file).isFile) {
      return ownLogic(`hands on ${source}, which is no file of the repo (a build output?)`);
    }
    switch (statement.type) {
      case 'EmptyStatement':
        break;
      case 'ImportDeclaration':
        if (((statement as { specifiers?: unknown[] }).specifiers ?? []).length === 0) return ownLogic('has a side effect at load');
        break;
      case 'ExportAllDeclaration':
        note(statement, 're-export');
        break;
      case 'ExportNamedDeclaration': {
        const node = statement as { source?: unknown; declaration?: ASTNode | null; specifiers?: Array<{ type: string; local?: unknown; exported: unknown }> };
        if (node.declaration) return ownLogic('declares its own');
        // `export {}`: a module that hands on nothing, kept only to be a module.
        if ((node.specifiers ?? []).length === 0) note(statement, 're-export');
        for (const specifier of node.specifiers ?? []) {
          const exported = nameOf(specifier.exported);
          if (specifier.type !== 'ExportSpecifier') {
            note(statement, 're-export');
            continue;
          }
          const local = nameOf(specifier.local ?? specifier.exported);
          if (node.source) {
            note(statement, passOnKind(local, exported));
            continue;
          }
          const origin = imported.get(local);
          if (origin === undefined) return ownLogic(`exports ${local}, declared elsewhere in the module`);
          handedOn.add(local);
          note(statement, origin === '*' ? 're-export' : passOnKind(origin, exported));
        }
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = (statement as { declaration: ASTNode }).declaration;
        const origin = declaration.type === 'Identifier' ? imported.get(nameOf(declaration)) : undefined;
        if (origin === undefined) return ownLogic('declares its own default export');
        handedOn.add(nameOf(declaration));
        note(statement, passOnKind(origin, 'default'));
        break;
      }
      default:
        return ownLogic(statement.type.startsWith('TS') ? 'declares its own type' : 'has code of its own');
    }
  }
  // An import it does not hand on is used for its side effects, or is dead code: either way a person looks.
  const kept = [...imported.keys()].find((local) => !handedOn.has(local));
  if (kept) return { ownLogic: { line: 1, column: 1, text: `imports ${kept} without handing it on` } };
  return { shape: { exports: readModuleExports(root), evidence, kinds: [...kinds] } };
}

/** The names a module exports, following `export *` through barrels and modules alike. */
class BarrelNames {
  private readonly cache = new Map<string, Set<string> | undefined>();
  private readonly opaque = new Map<string, ResolvedModule[]>();

  constructor(
    private readonly project: ProjectServices,
    private readonly barrels: ReadonlyMap<string, BarrelShape>,
  ) {}

  /** Every export name of a module; undefined when a package or an unreadable file is in the way. */
  of(module: ResolvedModule): Set<string> | undefined {
    if (!module.isFile) return undefined;
    const read = { exportsOf: (key: string) => this.barrels.get(key)?.exports ?? this.exportsOf(key), resolve: (specifier: string, from: string) => this.project.resolve(specifier, from) };
    return exportNamesOf(module.key, read, this.cache);
  }

  /** The modules behind a barrel's stars whose names cannot be listed (packages, mostly), through chains. */
  opaqueStars(key: string, seen = new Set<string>()): ResolvedModule[] {
    const known = this.opaque.get(key);
    if (known) return known;
    if (seen.has(key)) return [];
    seen.add(key);
    const found = new Map<string, ResolvedModule>();
    for (const star of this.barrels.get(key)?.exports.stars ?? []) {
      const target = this.project.resolve(star, key);
      if (this.of(target)) continue;
      const behind = this.barrels.has(target.key) ? this.opaqueStars(target.key, seen) : [target];
      for (const module of behind) found.set(module.key, module);
    }
    const result = [...found.values()];
    this.opaque.set(key, result);
    return result;
  }

  private exportsOf(key: string): ModuleExports | undefined {
    const root = this.project.parseFile(key);
    return root ? readModuleExports(root) : undefined;
  }
}

/**
 * The barrels public entry points hand on (`export * from './types'` in `src/index.ts`), through
 * chains of them, each with the entry point it is reached from: the package's surface as much as
 * the entry point itself, so they stay as written (their importers are still pointed past them).
 */
export function handedOnBarrels(project: ProjectServices, isBarrel: (file: string) => boolean, entries: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const queue = entries.map((file) => ({ file, entry: file }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const exported of project.moduleRecord(next.file)?.exports ?? []) {
      const target = exported.from && project.resolve(exported.from.specifier, next.file);
      if (!target?.isFile || entries.includes(target.key) || found.has(target.key) || !isBarrel(target.key)) continue;
      found.set(target.key, next.entry);
      queue.push({ file: target.key, entry: next.entry });
    }
  }
  return found;
}

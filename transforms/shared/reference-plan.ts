// What phase 1 decides for one module reference: the names that move, the names that stay,
// the reason a human must act, and the fix. Detection reads plans; apply runs their fixes.
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { CanonicalMap, ModuleRole } from './canonical-map.js';
import type { ProjectServices, ResolvedModule } from '../../src/phase-api/define-phase.js';
import type { ModuleReference } from './module-references.js';
import type { MemberUse } from './namespace-usage.js';
import { nameOf } from './ast-edits.js';

export interface ImportsState {
  map: CanonicalMap;
  project: ProjectServices;
  terms: string[];
  legacyTerms: string[];
  /**
   * What a barrel that goes away hands on, for an `export *` of it: the modules its own stars
   * lead to and its names listed one by one. Such a star is re-pointed at those modules instead
   * of being expanded into every name. Undefined for a module that is no such barrel.
   */
  barrelOutline?: (key: string) => BarrelOutline | undefined;
  /** Whether the phase removes this module (a facade): a use of its module object that cannot follow its names is for a human. */
  removes?: (key: string) => boolean;
  /** Whether a namespace import of this module stays whole when its members move to several modules (a person splits it). */
  keepsSplitNamespace?: (key: string) => boolean;
  /** A mock of `module` left for a human in a test that loads `file`: the file's references to the module stay (see held-mocks.ts). */
  heldMockOf?: (file: string, module: string) => { test: string; line: number } | undefined;
}

export interface BarrelOutline {
  stars: ResolvedModule[];
  named: NameMove[];
}

/** One name a reference takes from a module, and where it goes. */
export interface NameMove {
  name: string;
  target: ResolvedModule;
  targetName: string;
}

/** What phase 1 will do with one module reference. */
export interface ReferencePlan {
  reference: ModuleReference;
  module: ResolvedModule;
  role: Exclude<ModuleRole, 'canonical'>;
  moves: NameMove[];
  /** Names that stay on the legacy module, each with the reason. */
  stays: Array<{ name: string; reason: string }>;
  /** Set when the reference cannot be rewritten safely: the reason a human must act. */
  manual?: string;
  /** Set when the rewritten file still needs this reference, and for what (an `export *` that keeps names). */
  keepsReference?: string;
  /** Something a reviewer should know about a fixable rewrite (a local name that cannot follow a rename). */
  note?: string;
  /** Applies the rewrite; present only for fixable plans. */
  fix?: (editor: PlanEditor) => void;
}

/**
 * The edits a plan's fix asks of the file (import-editor.ts's FileEditor makes them). Declared
 * here, beside the plans, so the editor depends on plans and never the other way round.
 */
export interface PlanEditor {
  /** Points the reference at `target`; returns the module path written. */
  setSpecifier(reference: ModuleReference, target: ResolvedModule): string;
  /** Puts `text` in place of a node of the original. */
  replace(node: unknown, text: string): void;
  /** Puts `value` in place of a string literal, written with the literal's quote. */
  setString(literal: unknown, value: string): void;
  /** Renames the key of an object property or pattern (`{ a }` becomes `{ b: a }`). */
  renameKey(property: unknown, name: string): void;
  /** Renames a binding the file declares (its identifier node) and every reference to it, when the name is free; false when it is not. */
  renameBinding(declared: unknown, name: string, gone?: readonly unknown[]): boolean;
  /** Removes a statement; the comments around it stay. */
  remove(statement: ASTPath): void;
  /** The local name of export `name` of `target`, imported above `above` when it is not yet. */
  ensureImport(target: ResolvedModule, name: string, above: ASTPath, originalSpecifier: string): string;
  rewriteImport(plan: ReferencePlan): void;
  rewriteSideEffectImport(plan: ReferencePlan): void;
  rewriteExportFrom(plan: ReferencePlan): void;
  rewriteExportAll(plan: ReferencePlan): void;
  /** `export * from barrel` becomes `export * from` each module the barrel hands on (moves named `*`), plus its listed names. */
  repointExportAll(plan: ReferencePlan): void;
  splitNamespace(plan: ReferencePlan, members: MemberUse[]): void;
  rewriteDestructuring(plan: ReferencePlan, declarator: ASTPath | undefined, moving: ASTNode[], allMove: boolean, renamedInPlace: ASTNode[]): void;
}

export function relevant(plan: ReferencePlan, role: ModuleRole): ReferencePlan | undefined {
  if (plan.moves.length > 0 || plan.manual) return plan;
  // A barrel's own exports are not part of the migration; a legacy name it passes on is.
  if (role === 'reexporter' && plan.stays.length === 0) return undefined;
  return plan;
}

export function manual(plan: ReferencePlan, reason: string): ReferencePlan {
  plan.manual = reason;
  delete plan.fix;
  return plan;
}

/** The local name an import specifier binds; builders leave `local` empty when it equals the imported name. */
export function localName(specifier: { type: string; local?: unknown; imported?: unknown }): string {
  return nameOf(specifier.local ?? specifier.imported);
}

export type NamedExportSpecifier = { local?: unknown; exported: unknown; exportKind?: string };

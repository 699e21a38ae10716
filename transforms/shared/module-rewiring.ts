// Rewiring module references: every reference to a module the map moves names away from (a
// legacy module for phase 1, a facade for phase 2) is planned, reported and rewritten here, so
// both phases count and fix the same things. Findings leave as data (messageId + data): each
// phase says them in its own words, from its own message catalogue.
import type { ASTNode, ASTPath, CallExpression, ExportNamedDeclaration, ImportDeclaration } from 'jscodeshift';
import type { FileContext, FindingReport, ResolvedModule } from '../../src/phase-api/define-phase.js';
import { moduleStatements, nameOf, usedNames } from './ast-edits.js';
import { planCallUse, planNamespace, pointModuleObject, renameMembers } from './binding-plans.js';
import type { ModuleRole } from './canonical-map.js';
import { FileEditor } from './import-editor.js';
import { keepMockedModulesHeld, keepMocksTogether, planMock, refuseConvergingMocks } from './mock-plans.js';
import { readModuleExports } from './module-exports.js';
import { findModuleReferences, isRequireResolve, referenceLabel, type ModuleReference } from './module-references.js';
import { namespaceUsage } from './namespace-usage.js';
import { packageNameOf } from '../../src/shared/package-names.js';
import { manual, relevant, type ImportsState, type NameMove, type NamedExportSpecifier, type ReferencePlan } from './reference-plan.js';

/** What the references of one file come to: detection reads it, rewiring runs its fixes. */
export interface ModuleReferencePlan {
  plans: ReferencePlan[];
  referencesCanonical: boolean;
  /** References that make a file a legacy importer: see `planModuleReferences`. */
  legacyReferences: Array<{ reference: ModuleReference; module: ResolvedModule }>;
  /** The string literals that are module specifiers: code, never mentions. */
  codeLiterals: Set<ASTNode>;
}

/** The module referenced, and how (`import`, `require`, `mock`…). */
type ReferenceData = { module: string; reference: string };

/**
 * What a reference finding says, by three facts: whether the module is legacy (or a facade) or
 * a barrel passing names on; whether names, the module path or a mocked path move; and whether
 * there is a destination to name ("Untargeted": the reference cannot be moved).
 */
type ReferenceMessage =
  | { messageId: 'legacyNames' | 'barrelNames'; data: ReferenceData & { names: string; target: string } }
  | { messageId: 'renamedNames'; data: ReferenceData & { names: string } }
  | { messageId: 'legacyPath' | 'legacyMock' | 'barrelMock'; data: ReferenceData & { target: string } }
  | { messageId: 'legacyPathUntargeted' | 'legacyMockUntargeted' | 'barrelPathUntargeted' | 'barrelMockUntargeted'; data: ReferenceData };

/** Where a finding is, how sure, and why a human must act: the phase reporting it adds its id (and may rename the kind). */
type FindingBase = Omit<FindingReport, 'phase' | 'messageId' | 'data' | 'kind'>;

/** A finding about one module reference, or a name it takes that stays behind. */
export type ReferenceFinding = FindingBase &
  (({ kind: 'legacy-import' | 'indirect-import' } & ReferenceMessage) | { kind: 'no-counterpart'; messageId: 'noCounterpart'; data: { name: string; module: string } });

/** A file that imports both a legacy module and the canonical one. */
export type DualImportFinding = FindingBase & { kind: 'dual-import'; messageId: 'dualImport'; data: { modules: string } };

/** Every message the rewiring reports: a phase that reports them has a text for each. */
export type RewiringMessageId = ReferenceFinding['messageId'] | DualImportFinding['messageId'];

/** The matcher shared by detection and rewiring: what each module reference of the file comes to. */
export function planModuleReferences(file: FileContext, state: ImportsState): ModuleReferencePlan {
  const references = findModuleReferences(file.root, file.source);
  const plans: ReferencePlan[] = [];
  const legacyReferences: ModuleReferencePlan['legacyReferences'] = [];
  const movesOnlyMocks: ReferencePlan[] = [];
  let referencesCanonical = false;
  const handled = new Set<ASTNode>();
  for (const reference of references) {
    const module = state.project.resolve(reference.specifier, file.file);
    const role = state.map.roleOf(module.key);
    if (role === 'canonical') {
      referencesCanonical = true;
      continue;
    }
    if (!role || handled.has(reference.literal.node)) continue;
    const plan = planReference(file, state, reference, module, role, handled);
    if (plan?.fix && reference.kind === 'import') noteKeptLocalNames(file, state, plan);
    // The module a package's names move to, built on that package (a wrapper of it): its import is the implementation.
    if (plan && !module.isFile && plan.moves.length > 0 && plan.moves.every((move) => move.target.key === file.file) && plan.stays.length === 0) continue;
    if (plan?.fix && plan.moves.some((move) => move.target.key === file.file)) {
      manual(plan, `${file.file} would import from itself: ${plan.moves.map((move) => move.name).join(', ')} move here; inline them by hand`);
    }
    // A package's own files import its modules by path: by its name they would get its built output.
    const ownPackage = plan?.fix ? state.project.packageOf(file.file)?.name : undefined;
    const intoOwnPackage = ownPackage ? plan!.moves.filter((move) => !move.target.isFile && packageNameOf(move.target.key) === ownPackage) : [];
    if (intoOwnPackage.length > 0) {
      const names = intoOwnPackage.map((move) => move.name).join(', ');
      manual(
        plan!,
        `${file.file} is part of ${ownPackage}, where ${names} ${intoOwnPackage.length === 1 ? 'moves' : 'move'}: import ${intoOwnPackage.length === 1 ? 'it' : 'them'} from the module that defines ${intoOwnPackage.length === 1 ? 'it' : 'them'}, by path, by hand`,
      );
    }
    if (plan) plans.push(plan);
    else if (reference.kind === 'mock' && role === 'moves') movesOnlyMocks.push({ reference, module, role, moves: [], stays: [] });
    // A legacy module is a legacy path whatever it is imported for; a barrel or a module with
    // single moves only while a canonical or legacy name comes through it.
    if (role === 'legacy' || (plan && (plan.moves.length > 0 || plan.stays.length > 0 || plan.manual))) legacyReferences.push({ reference, module });
  }
  // A mock of a module whose imported names move would silently stop mocking them.
  for (const mock of movesOnlyMocks) {
    // The names this file imports from the module, else every name the config moves out of it:
    // the files the test loads may import those.
    const imported = plans.filter((plan) => plan.module.key === mock.module.key).flatMap((plan) => plan.moves);
    const moves = imported.length > 0 ? imported : state.map.movesOutOf(mock.module.key);
    const targets = [...new Set(moves.map((move) => (move.target.key === mock.module.key ? `"${move.targetName}"` : move.target.key)))];
    const names = [...new Set(moves.map((move) => move.name))];
    if (moves.length > 0)
      plans.push(
        manual(mock, `this mock of ${mock.module.key} would no longer see ${names.join(', ')}, which ${names.length === 1 ? 'becomes' : 'become'} ${targets.join(', ')}: move the mock by hand`),
      );
  }
  refuseConvergingMocks(file, state, references, plans);
  keepMocksTogether(plans);
  keepMockedModulesHeld(file.file, state, plans);
  return { plans, referencesCanonical, legacyReferences, codeLiterals: new Set(references.map((reference) => reference.literal.node)) };
}

/** The findings of a file's references: one per reference rewritten or left for a human, one per name that stays behind. */
export function referenceFindings(file: string, planned: ModuleReferencePlan): ReferenceFinding[] {
  return planned.plans.flatMap((plan) => planFindings(file, plan));
}

/**
 * Rewrites the file's references that can move, as text edits; returns true when it changed
 * anything. An `editor` handed in (one that other edits of the file went through) is left for
 * its owner to finish.
 */
export function rewireModuleReferences(file: FileContext, state: ImportsState, editor?: FileEditor): boolean {
  const fixes = planModuleReferences(file, state).plans.filter((plan) => plan.fix);
  if (fixes.length === 0) return false;
  const own = editor ?? new FileEditor(file, state);
  // Side-effect imports go last: whether one is still needed depends on the other rewrites.
  const ordered = [...fixes.filter((plan) => !isSideEffectImport(plan)), ...fixes.filter(isSideEffectImport)];
  for (const plan of ordered) {
    own.within(plan.reference.owner.node);
    plan.fix!(own);
  }
  if (!editor) own.finish();
  return true;
}

/**
 * An unaliased import renamed within its module takes the new name as its local name, unless
 * that name is used in the file already: then the import is aliased (`import { format as
 * formatDate }`) and the finding says why, so the reviewer can rename by hand.
 */
function noteKeptLocalNames(file: FileContext, state: ImportsState, plan: ReferencePlan): void {
  if (state.project.config.keepLocalNames) return;
  const declaration = plan.reference.owner.node as ImportDeclaration;
  const unaliased = new Set(
    (declaration.specifiers ?? []).flatMap((specifier) =>
      specifier.type === 'ImportSpecifier' && nameOf(specifier.imported) === nameOf(specifier.local ?? specifier.imported) ? [nameOf(specifier.imported)] : [],
    ),
  );
  const renamed = plan.moves.filter((move) => move.target.key === plan.module.key && move.targetName !== move.name && unaliased.has(move.name));
  if (renamed.length === 0) return;
  const taken = usedNames(file.j, file.root);
  const kept = renamed.filter((move) => taken.has(move.targetName));
  if (kept.length > 0)
    plan.note = `the local name${kept.length === 1 ? '' : 's'} ${kept.map((move) => move.name).join(', ')} stay${kept.length === 1 ? 's' : ''}: ${kept.map((move) => move.targetName).join(', ')} ${kept.length === 1 ? 'is' : 'are'} already used in this file`;
}

/**
 * A file that imports both a legacy path and the canonical one, now or after the rewrite: a
 * partial move leaves a file importing both, and scan must count that before the run does.
 * Fixable when every legacy reference goes away.
 */
export function dualImportFinding(file: string, { plans, legacyReferences, referencesCanonical }: ModuleReferencePlan): DualImportFinding | undefined {
  if (legacyReferences.length === 0) return undefined;
  const planned = new Map(plans.map((plan) => [plan.reference.literal.node, plan]));
  const reason = legacyReferences.map(({ reference, module }) => whyReferenceStays(planned.get(reference.literal.node), reference, module)).find(Boolean);
  const willReferenceCanonical = plans.some((plan) => plan.fix && plan.moves.length > 0);
  if (!referencesCanonical && !(willReferenceCanonical && reason)) return undefined;
  const first = legacyReferences[0]!.reference;
  const modules = [...new Set(legacyReferences.map((item) => item.module.key))].join(', ');
  return {
    kind: 'dual-import',
    file,
    line: first.line,
    column: first.column,
    messageId: 'dualImport',
    data: { modules },
    fixable: reason === undefined,
    ...(reason ? { reason } : {}),
  };
}

/** Why a legacy reference will still be there after the rewrite, or undefined if it goes away. */
function whyReferenceStays(plan: ReferencePlan | undefined, reference: ModuleReference, module: ResolvedModule): string | undefined {
  if (plan?.manual) return `${module.key} stays: ${plan.manual}`;
  if (plan && plan.stays.length > 0) return `${module.key} stays for ${plan.stays.map((stay) => stay.name).join(', ')}: ${plan.stays[0]!.reason}`;
  if (plan?.keepsReference) return `${module.key} stays for ${plan.keepsReference}`;
  if (plan?.fix) return undefined;
  // An unmock with nothing to follow is rewritten with its mock, or harmless.
  if (reference.kind === 'mock') return undefined;
  return `${module.key} stays for names that do not move (line ${reference.line})`;
}

function planFindings(file: string, plan: ReferencePlan): ReferenceFinding[] {
  const { reference } = plan;
  const at = { file, line: reference.line, column: reference.column };
  const findings: ReferenceFinding[] = [];
  // A barrel that hands on a renamed name is the path to it still: the reference is not indirect.
  const kind = plan.role === 'reexporter' && !renamesInPlace(plan) ? 'indirect-import' : 'legacy-import';
  if (plan.manual || plan.fix) {
    const reason = plan.manual ?? plan.note;
    findings.push({ ...at, kind, ...describeReference(plan), fixable: !plan.manual, ...(reason ? { reason } : {}) });
  }
  if (plan.role !== 'reexporter') {
    for (const stay of plan.stays) {
      findings.push({ ...at, kind: 'no-counterpart', messageId: 'noCounterpart', data: { name: stay.name, module: plan.module.key }, fixable: false, reason: stay.reason });
    }
  }
  return findings;
}

/** Which reference message fits the plan, and its data: the names that move (or the path), the module, where to. */
function describeReference(plan: ReferencePlan): ReferenceMessage {
  const away = plan.moves.find((move) => move.target.key !== plan.module.key);
  const written = (move: NameMove): string =>
    move.name === move.targetName ? move.name : `${move.name} → ${move.targetName}${away && move.target.key === plan.module.key ? ' (renamed within it)' : ''}`;
  const names = plan.moves.filter((move) => move.name !== '*').map(written);
  // A star re-pointed at several modules names them all.
  const target = plan.moves.length > 0 ? [...new Set(plan.moves.map((move) => move.target.key))].join(', ') : undefined;
  const barrel = plan.role === 'reexporter';
  const data = { module: plan.module.key, reference: referenceLabel(plan.reference) };
  if (renamesInPlace(plan)) return { messageId: 'renamedNames', data: { ...data, names: names.join(', ') } };
  if (names.length > 0) {
    const destinations = [...new Set(plan.moves.filter((move) => !away || move.target.key !== plan.module.key).map((move) => move.target.key))];
    return { messageId: barrel ? 'barrelNames' : 'legacyNames', data: { ...data, names: names.join(', '), target: destinations.join(', ') } };
  }
  if (plan.reference.kind === 'mock' && !isRequireResolve(plan.reference)) {
    if (target === undefined) return { messageId: barrel ? 'barrelMockUntargeted' : 'legacyMockUntargeted', data };
    return { messageId: barrel ? 'barrelMock' : 'legacyMock', data: { ...data, target } };
  }
  // Only a legacy module's path moves whole (a side-effect import, a bare `require`); a barrel's never does.
  if (target !== undefined && !barrel) return { messageId: 'legacyPath', data: { ...data, target } };
  return { messageId: barrel ? 'barrelPathUntargeted' : 'legacyPathUntargeted', data };
}

/**
 * A default import used like a namespace (`dateKit.formatDate()`, a CommonJS module's object):
 * members renamed within the module are renamed where they stand. One that moves to another
 * module is for a human: the other module's default export is not this object.
 */
function planDefaultMembers(file: FileContext, state: ImportsState, plan: ReferencePlan, local: string, declaration: ASTNode): void {
  const usage = namespaceUsage(file.j, file.root, local, declaration);
  const renamed: NameMove[] = [];
  for (const name of new Set(usage.members.map((member) => member.name))) {
    const destination = state.map.destinationOf(plan.module.key, name);
    if (destination?.kind !== 'move') continue;
    if (destination.module.key !== plan.module.key) {
      manual(plan, `${local}.${name} (a member of the default import) moves to ${destination.module.key}: import it from there by hand`);
      return;
    }
    renamed.push({ name, target: destination.module, targetName: destination.name });
  }
  if (renamed.length === 0) return;
  plan.moves.push(...renamed);
  const named = plan.fix;
  plan.fix = (editor) => {
    named?.(editor);
    renameMembers(editor, usage.members, renamed);
  };
}

/** Every name the reference takes is renamed within the module it names: the reference stays where it points. */
function renamesInPlace(plan: ReferencePlan): boolean {
  return plan.moves.length > 0 && plan.moves.every((move) => move.name !== '*' && move.target.key === plan.module.key);
}

function isSideEffectImport(plan: ReferencePlan): boolean {
  const owner = plan.reference.owner.node;
  return owner.type === 'ImportDeclaration' && (owner.specifiers ?? []).length === 0;
}

function planReference(
  file: FileContext,
  state: ImportsState,
  reference: ModuleReference,
  module: ResolvedModule,
  role: Exclude<ModuleRole, 'canonical'>,
  handled: Set<ASTNode>,
): ReferencePlan | undefined {
  const base: ReferencePlan = { reference, module, role, moves: [], stays: [] };
  const sort = (names: string[]): ReferencePlan => {
    for (const name of names) {
      const destination = state.map.destinationOf(module.key, name);
      if (destination?.kind === 'move') base.moves.push({ name, target: destination.module, targetName: destination.name });
      else if (destination?.kind === 'stay') base.stays.push({ name, reason: destination.reason });
    }
    return base;
  };
  const owner = reference.owner;
  switch (reference.kind) {
    case 'import': {
      const declaration = owner.node as ImportDeclaration;
      const specifiers = declaration.specifiers ?? [];
      if (specifiers.length === 0) {
        const wholeModule = state.map.wholeModuleTarget(module.key);
        if (role !== 'legacy' || !wholeModule) return undefined;
        base.moves.push({ name: '*', target: wholeModule, targetName: '*' });
        base.fix = (editor) => editor.rewriteSideEffectImport(base);
        return base;
      }
      const namespace = specifiers.find((specifier) => specifier.type === 'ImportNamespaceSpecifier');
      if (namespace) {
        if (specifiers.length > 1) return manual(base, 'a default and a namespace import in one declaration: split it first');
        return planNamespace(file, state, base, nameOf(namespace.local), declaration, file.root, true);
      }
      sort(specifiers.map((specifier) => (specifier.type === 'ImportSpecifier' ? nameOf(specifier.imported) : 'default')));
      if (base.moves.length > 0) base.fix = (editor) => editor.rewriteImport(base);
      const defaultImport = specifiers.find((specifier) => specifier.type === 'ImportDefaultSpecifier');
      if (defaultImport && role !== 'reexporter' && !state.map.destinationOf(module.key, 'default')) planDefaultMembers(file, state, base, nameOf(defaultImport.local), declaration);
      return relevant(base, role);
    }
    case 'export': {
      const declaration = owner.node as ExportNamedDeclaration;
      const specifiers = declaration.specifiers ?? [];
      if (specifiers.some((specifier) => specifier.type !== 'ExportSpecifier')) {
        // `export * as ns from`: the module object moves whole, or a person splits it.
        if (role !== 'legacy') return undefined;
        return (specifiers.length === 1 ? pointModuleObject(state, base) : undefined) ?? manual(base, 'a namespace re-export (`export * as ns from`) of a legacy module: rewrite it by hand');
      }
      sort(specifiers.map((specifier) => nameOf((specifier as NamedExportSpecifier).local ?? (specifier as NamedExportSpecifier).exported)));
      if (base.moves.length > 0) base.fix = (editor) => editor.rewriteExportFrom(base);
      return relevant(base, role);
    }
    case 'export-all': {
      // Every export keeps its name where the module goes: the star goes there as written, never
      // expanded into a list (a public entry point stays as its authors wrote it).
      const whole = role === 'legacy' ? pointModuleObject(state, base) : undefined;
      if (whole) {
        // The file's own star of the destination already hands on every name: this one goes.
        const target = whole.moves[0]!.target;
        const typeOnly = (owner.node as { exportKind?: string }).exportKind === 'type';
        const repeats = moduleStatements(file.root).some((statement) => {
          const star = statement as ASTNode & { source?: { value?: unknown }; exported?: unknown; exportKind?: string };
          if (statement === owner.node || star.type !== 'ExportAllDeclaration' || star.exported || (star.exportKind === 'type' && !typeOnly)) return false;
          return typeof star.source?.value === 'string' && state.project.resolve(star.source.value, file.file).key === target.key;
        });
        if (repeats) whole.fix = (editor) => editor.remove(owner);
        return whole;
      }
      const exported = (owner.node as { exported?: { name?: string } | null }).exported;
      if (exported?.name) return role === 'legacy' ? manual(base, 'a namespace re-export (`export * as ns from`) of a legacy module: rewrite it by hand') : undefined;
      // Names this file exports explicitly shadow the star: they are not re-exported through it.
      const explicit = readModuleExports(file.root).named;
      const outline = state.barrelOutline?.(module.key);
      if (outline) {
        base.moves.push(...outline.stars.map((target) => ({ name: '*', target, targetName: '*' })), ...outline.named.filter((move) => !explicit.has(move.name)));
        base.fix = (editor) => editor.repointExportAll(base);
        return base;
      }
      const names = state.map.exportNames(module.key);
      if (!names) return role === 'legacy' ? manual(base, `cannot read the exports of ${module.key} to re-export them explicitly`) : undefined;
      sort([...names].filter((name) => name !== 'default' && !explicit.has(name)).sort());
      // Through a barrel that stays, a name that keeps its name is the same binding either way:
      // the star already hands it on, and an explicit export of it would only repeat it.
      if (role === 'reexporter') base.moves = base.moves.filter((move) => move.targetName !== move.name);
      if (base.moves.length > 0) base.fix = (editor) => editor.rewriteExportAll(base);
      // Names that stay are still re-exported by the kept `export *`: nothing for a human, but
      // the file goes on naming the legacy module.
      if (base.stays.length > 0) base.keepsReference = `the \`export *\` of ${base.stays.map((stay) => stay.name).join(', ')}`;
      base.stays = [];
      return base.moves.length > 0 ? base : undefined;
    }
    case 'import-type': {
      const qualifier = (owner.node as { qualifier?: ASTNode | null }).qualifier;
      const first = qualifier ? firstQualifierName(qualifier) : undefined;
      if (!first) {
        // `typeof import('legacy')`, the type of the whole module: it follows a module whose every
        // export moves to one module under its own name.
        if (role !== 'legacy') return undefined;
        const wholeModule = state.map.wholeModuleTarget(module.key);
        const names = state.map.exportNames(module.key);
        const movesWhole =
          wholeModule &&
          names &&
          [...names].every((name) => {
            const destination = state.map.destinationOf(module.key, name);
            return destination?.kind === 'move' && destination.module.key === wholeModule.key && destination.name === name;
          });
        if (!movesWhole) return manual(base, '`import()` type without a member name');
        base.moves.push({ name: '*', target: wholeModule, targetName: '*' });
        base.fix = (editor) => void editor.setSpecifier(base.reference, wholeModule);
        return base;
      }
      sort([first.name]);
      if (base.moves.length > 0) {
        base.fix = (editor) => {
          editor.setSpecifier(base.reference, base.moves[0]!.target);
          if (first.name !== base.moves[0]!.targetName) editor.replace(first, base.moves[0]!.targetName);
        };
      }
      return relevant(base, role);
    }
    case 'import-equals': {
      const declaration = owner.parent.node as { id: { name: string } };
      return planNamespace(file, state, base, declaration.id.name, owner.parent.node, file.root, false);
    }
    case 'require':
    case 'dynamic-import':
      return planCallUse(file, state, base, owner as ASTPath<CallExpression>);
    case 'mock':
      return planMock(file, state, base, owner as ASTPath<CallExpression>, handled);
    case 'augmentation':
      return role === 'legacy' ? manual(base, `a module augmentation of ${module.key}: move it to the canonical module by hand`) : undefined;
  }
}

function firstQualifierName(qualifier: ASTNode): { name: string } | undefined {
  let current = qualifier as { type: string; left?: ASTNode; name?: string };
  while (current.type === 'TSQualifiedName' && current.left) current = current.left as typeof current;
  return current.type === 'Identifier' ? (current as { name: string }) : undefined;
}

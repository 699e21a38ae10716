// Plans for references whose module object is bound and used: namespace imports, `require`,
// `import()` (awaited, destructured, or through `.then`), `import x = require()`.
import type { ASTNode, ASTPath, CallExpression } from 'jscodeshift';
import type { FileContext, ResolvedModule } from '../../src/phase-api/define-phase.js';
import { hasMarkup, stripExtension } from '../../src/shared/file-extensions.js';
import { namespaceUsage, type MemberUse } from './namespace-usage.js';
import { manual, relevant, type ImportsState, type NameMove, type PlanEditor, type ReferencePlan } from './reference-plan.js';

/** `import * as ns`, `import ns = require()`, `const ns = require()`, `const ns = await import()`. */
export function planNamespace(
  file: FileContext,
  state: ImportsState,
  plan: ReferencePlan,
  binding: string,
  declaration: ASTNode,
  scope: FileContext['root'],
  canSplit: boolean,
): ReferencePlan | undefined {
  const usage = namespaceUsage(file.j, scope, binding, declaration);
  if (usage.usedAsValue) {
    if (plan.role === 'reexporter') return undefined;
    const why = usage.writtenMember
      ? `the code writes ${usage.writtenMember}, which changes the module object of whatever module it names`
      : usage.computedAccess
        ? `"${binding}[…]" reads a member by a computed name, which cannot be followed`
        : `"${binding}" is used as a value, not only as ${binding}.member`;
    // A write lands on whichever module object the binding names: another one would take it.
    if (usage.writtenMember) return manual(plan, `${why}: rewrite it by hand`);
    return pointModuleObject(state, plan) ?? manual(plan, `${why}: rewrite it by hand`);
  }
  if (usage.members.length === 0) return planUnreadNamespace(file, state, plan, binding);
  const names = [...new Set(usage.members.map((member) => member.name))].sort();
  const unmoved: string[] = [];
  for (const name of names) {
    const destination = state.map.destinationOf(plan.module.key, name);
    if (destination?.kind === 'move') plan.moves.push({ name, target: destination.module, targetName: destination.name });
    else {
      unmoved.push(name);
      if (destination?.kind === 'stay') plan.stays.push({ name, reason: destination.reason });
    }
  }
  if (plan.moves.length === 0) return relevant(plan, plan.role);
  // Members renamed within the module are renamed where they stand; only the others move.
  const renamedInPlace = plan.moves.filter((move) => move.target.key === plan.module.key);
  const away = plan.moves.filter((move) => move.target.key !== plan.module.key);
  const targets = new Set(away.map((move) => move.target.key));
  if (away.length === 0) {
    plan.fix = (editor) => renameMembers(editor, usage.members, renamedInPlace);
    return plan;
  }
  const everyNameMoves = unmoved.length === 0 && renamedInPlace.length === 0;
  // A tag named on its own is a component only when capitalised: `<ui.icon />` cannot become `<icon />`.
  const lowercaseTags = usage.members.filter((member) => member.tag && away.some((move) => move.name === member.name && !/^[A-Z]/.test(move.targetName)));
  if (lowercaseTags.length > 0 && !(everyNameMoves && targets.size === 1)) {
    const names = [...new Set(lowercaseTags.map((member) => member.name))];
    return manual(plan, `${names.map((name) => `<${binding}.${name}>`).join(', ')} would read as an HTML tag once named on its own: rewrite it by hand`);
  }
  // A spy on a member that leaves the namespace would spy on a module the code no longer reads it from.
  const spiedAway = usage.members.filter((member) => member.spied && away.some((move) => move.name === member.name));
  if (spiedAway.length > 0 && !(everyNameMoves && targets.size === 1)) {
    const names = [...new Set(spiedAway.map((member) => member.name))];
    return manual(
      plan,
      `a spy on ${names.map((name) => `${binding}.${name}`).join(', ')}, which ${names.length === 1 ? 'moves' : 'move'} to ${[...new Set(away.filter((move) => names.includes(move.name)).map((move) => move.target.key))].join(', ')}: move the spy by hand`,
    );
  }
  if (everyNameMoves && targets.size === 1) {
    // Every member moves to one module: the namespace simply points there, and a binding named
    // after the old module is named after the new one (`* as dateKit` → `* as dayLib`).
    const local = canSplit ? namespaceLocal(declaration) : undefined;
    const renamed = bindingNameAfter(binding, plan.module.key, plan.moves[0]!.target.key);
    plan.fix = (editor) => {
      editor.setSpecifier(plan.reference, plan.moves[0]!.target);
      renameMembers(editor, usage.members, plan.moves);
      if (local && renamed) editor.renameBinding(local, renamed);
    };
    return plan;
  }
  if (canSplit && targets.size > 1 && state.keepsSplitNamespace?.(plan.module.key)) {
    return manual(plan, `namespace import of a barrel with ${targets.size} sources (${[...targets].sort().join(', ')}): set facades.splitNamespaces to rewrite it into named imports`);
  }
  if (!canSplit) {
    const staying = [...unmoved, ...renamedInPlace.map((move) => move.name)];
    return manual(plan, `"${binding}" uses names that move (${away.map((move) => move.name).join(', ')}) and names that do not (${staying.join(', ')}): split it by hand`);
  }
  // The canonical module's members are named; when the rest all come from one other module under
  // their own names, the namespace follows them there, as phase 1 and then phase 2 would leave it.
  const canonical = state.map.canonical?.key;
  const toCanonical = away.filter((move) => move.target.key === canonical);
  const rest = away.filter((move) => move.target.key !== canonical);
  if (everyNameMoves && toCanonical.length > 0 && targets.size === 2 && rest.every((move) => move.name === move.targetName)) {
    const local = namespaceLocal(declaration);
    const renamed = bindingNameAfter(binding, plan.module.key, rest[0]!.target.key);
    // The members split off are replaced whole: the namespace's name in them goes with them.
    const named = new Set(toCanonical.map((move) => move.name));
    const gone = usage.members.filter((member) => named.has(member.name)).map((member) => member.path.node);
    plan.fix = (editor) => {
      editor.splitNamespace({ ...plan, moves: toCanonical }, usage.members);
      editor.setSpecifier(plan.reference, rest[0]!.target);
      if (local && renamed) editor.renameBinding(local, renamed, gone);
    };
    return plan;
  }
  plan.fix = (editor) => {
    editor.splitNamespace({ ...plan, moves: away }, usage.members);
    renameMembers(editor, usage.members, renamedInPlace);
  };
  return plan;
}

/**
 * A namespace the code never reads. It follows its module whole where the module object stays
 * the same; where it does not, markup around the code (a template, MDX's Markdown: `<ui.Button />`)
 * may read it, so a person decides; plain code does not, so it follows a legacy module whole.
 */
function planUnreadNamespace(file: FileContext, state: ImportsState, plan: ReferencePlan, binding: string): ReferencePlan | undefined {
  const same = pointModuleObject(state, plan);
  if (same) return same;
  if (hasMarkup(file.file)) return manual(plan, `"${binding}" is used nowhere in the code, so maybe in the markup around it (<${binding}.Name />), which no phase reads: rewrite it by hand`);
  const whole = plan.role === 'legacy' ? state.map.wholeModuleTarget(plan.module.key) : undefined;
  return whole ? pointWhole(plan, whole) : relevant(plan, plan.role);
}

/** The identifier an `import * as ns` binds. */
function namespaceLocal(declaration: ASTNode): unknown {
  return (declaration as { specifiers?: Array<{ local?: unknown }> }).specifiers?.[0]?.local ?? undefined;
}

/** The name a module's binding takes after the module it names (`date-kit` → dateKit, `src/day_lib/index.ts` → dayLib). */
function moduleBindingName(key: string): string {
  const segments = stripExtension(key.replace(/^node:/, '')).split('/');
  const last = segments.at(-1) === 'index' && segments.length > 1 ? segments.at(-2)! : segments.at(-1)!;
  return last.replace(/[-_.]+([A-Za-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

/** The new name of a binding named after the module it came from, or undefined when it is named otherwise. */
function bindingNameAfter(binding: string, from: string, to: string): string | undefined {
  if (binding !== moduleBindingName(from)) return undefined;
  const name = moduleBindingName(to);
  return name !== binding && /^[A-Za-z_$][\w$]*$/.test(name) ? name : undefined;
}

/** `ns.old` → `ns.new` (and `ns['old']` → `ns['new']`) for names renamed within the module. */
export function renameMembers(editor: PlanEditor, members: MemberUse[], moves: NameMove[]): void {
  const renames = new Map(moves.map((move) => [move.name, move.targetName]));
  for (const member of members) {
    const renamed = renames.get(member.name);
    if (!renamed || renamed === member.name) continue;
    if (member.quoted) editor.setString(member.property, renamed);
    else editor.replace(member.property, renamed);
  }
}

/** How a `require(…)` or `import(…)` result is used decides how it can be rewritten. */
export function planCallUse(file: FileContext, state: ImportsState, plan: ReferencePlan, call: ASTPath<CallExpression>): ReferencePlan | undefined {
  let expression: ASTPath = call;
  if (expression.parent?.node.type === 'AwaitExpression') expression = expression.parent;
  const parent = expression.parent?.node as ASTNode & Record<string, unknown>;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === expression.node) {
    const id = parent.id as ASTNode & { name?: string };
    if (id.type === 'Identifier') return planNamespace(file, state, plan, id.name, parent, file.root, false);
    if (id.type === 'ObjectPattern') return planDestructuring(state, plan, expression.parent, id);
    return plan.role === 'reexporter' ? undefined : manual(plan, 'an unusual binding pattern for this module: rewrite it by hand');
  }
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === expression.node) {
    const property = parent.property as { type: string; name?: string; value?: unknown };
    // `require(…).name`, or `require(…)['name']`
    const quoted = parent.computed && property.type === 'StringLiteral';
    if ((!parent.computed && property.type === 'Identifier') || quoted) {
      if (property.name === 'then' && plan.reference.kind === 'dynamic-import') return planThen(file, state, plan, expression.parent);
      const name = quoted ? String(property.value) : property.name!;
      const destination = state.map.destinationOf(plan.module.key, name);
      if (destination?.kind === 'move') {
        plan.moves.push({ name, target: destination.module, targetName: destination.name });
        plan.fix = (editor) => {
          editor.setSpecifier(plan.reference, destination.module);
          if (name === destination.name) return;
          if (quoted) editor.setString(property, destination.name);
          else editor.replace(property, destination.name);
        };
        return plan;
      }
      if (destination?.kind === 'stay') plan.stays.push({ name, reason: destination.reason });
      return relevant(plan, plan.role);
    }
  }
  const wholeModule = state.map.wholeModuleTarget(plan.module.key);
  if (parent.type === 'ExpressionStatement' && plan.role === 'legacy' && wholeModule) return pointWhole(plan, wholeModule);
  if (plan.role === 'moves' && state.removes?.(plan.module.key)) {
    return manual(plan, `the module object of ${plan.module.key} is used here, and no one module replaces it: import what this code needs from where it lives, by hand`);
  }
  if (plan.role === 'reexporter' || plan.role === 'moves') return undefined;
  return pointModuleObject(state, plan) ?? manual(plan, 'the module object is used in a way that cannot be rebound safely: rewrite it by hand');
}

/**
 * A module object used as a value (`export *`, `export * as ns` included) moves whole when every
 * export keeps its name where it goes; undefined when it cannot.
 */
export function pointModuleObject(state: ImportsState, plan: ReferencePlan): ReferencePlan | undefined {
  const target = state.map.sameObjectTarget(plan.module.key);
  return target && pointWhole(plan, target);
}

/** The reference names `target` instead, and nothing else changes. */
function pointWhole(plan: ReferencePlan, target: ResolvedModule): ReferencePlan {
  plan.moves.push({ name: '*', target, targetName: '*' });
  plan.fix = (editor) => editor.setSpecifier(plan.reference, target);
  return plan;
}

/** `import('…').then((m) => m.X)` or `.then(({ X }) => …)`. */
function planThen(file: FileContext, state: ImportsState, plan: ReferencePlan, member: ASTPath): ReferencePlan | undefined {
  const call = member.parent?.node as { type: string; arguments?: ASTNode[] };
  const callback = call?.type === 'CallExpression' ? (call.arguments?.[0] as ASTNode & { params?: ASTNode[]; body?: ASTNode }) : undefined;
  const param = callback?.params?.[0] as (ASTNode & { name?: string }) | undefined;
  if (!callback || !param) return plan.role === 'legacy' ? manual(plan, '`import().then` without a callback parameter: rewrite it by hand') : undefined;
  if (param.type === 'Identifier') {
    return planNamespace(file, state, plan, param.name, callback, file.j(member.parent.get('arguments', 0) as ASTPath), false);
  }
  if (param.type === 'ObjectPattern') return planDestructuring(state, plan, undefined, param);
  return plan.role === 'legacy' ? manual(plan, 'an unusual `.then` callback parameter: rewrite it by hand') : undefined;
}

/** `const { a, b: c } = require('…')` or `await import('…')`. */
function planDestructuring(state: ImportsState, plan: ReferencePlan, declarator: ASTPath | undefined, pattern: ASTNode): ReferencePlan | undefined {
  const properties = (pattern as unknown as { properties: Array<ASTNode & { key?: ASTNode & { name?: string; value?: string }; computed?: boolean }> }).properties;
  if (properties.some((property) => property.type !== 'ObjectProperty' || property.computed)) {
    return plan.role === 'legacy' ? manual(plan, 'a rest element or computed key in the destructuring: rewrite it by hand') : undefined;
  }
  const keyName = (property: (typeof properties)[number]): string => String(property.key?.name ?? property.key?.value);
  const moving: typeof properties = [];
  // Renamed within their module: the key changes where it stands.
  const renamedInPlace: typeof properties = [];
  for (const property of properties) {
    const name = keyName(property);
    const destination = state.map.destinationOf(plan.module.key, name);
    if (destination?.kind === 'move') {
      plan.moves.push({ name, target: destination.module, targetName: destination.name });
      (destination.module.key === plan.module.key ? renamedInPlace : moving).push(property);
    } else if (destination?.kind === 'stay') plan.stays.push({ name, reason: destination.reason });
  }
  if (plan.moves.length === 0) return relevant(plan, plan.role);
  const targets = new Set(plan.moves.filter((move) => move.target.key !== plan.module.key).map((move) => move.target.key));
  const allMove = moving.length === properties.length && targets.size === 1;
  if (moving.length > 0 && !allMove && (!declarator || targets.size > 1)) {
    return manual(plan, 'names that move and names that stay in one destructuring that cannot be split: rewrite it by hand');
  }
  plan.fix = (editor) => editor.rewriteDestructuring(plan, declarator, moving, allMove, renamedInPlace);
  return plan;
}

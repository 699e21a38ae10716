// How a namespace-like binding (`import * as ns`, `const ns = require(…)`, `import ns = require(…)`)
// is used: only as `ns.member` / `ns.Type`, which can be rebound, or also as a value, which cannot.
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';

export interface MemberUse {
  name: string;
  /** The `ns.member` expression or `ns.Type` qualified name. */
  path: ASTPath;
  /** The node holding the member name: an identifier, or the string literal of `ns['member']`. */
  property: { name: string };
  /** Written `ns['member']`: the name is a string literal. */
  quoted?: boolean;
  /** Read by a test double, `vi.spyOn(ns, 'member')`: the call, not a member expression, holds the name. */
  spied?: boolean;
  /** A JSX tag name (`<ns.Button>`): named on its own, it must stay capitalised to stay a component. */
  tag?: boolean;
}

export interface NamespaceUsage {
  members: MemberUse[];
  /** True when the binding is used other than through a member (passed, spread, computed access). */
  usedAsValue: boolean;
  /** True when one of those uses reads a member by a computed name (`ns[key]`). */
  computedAccess: boolean;
  /** A member the code assigns or deletes (`ns.fn = patched`): written to the module object, not read. */
  writtenMember?: string;
}

export function namespaceUsage(j: JSCodeshift, scope: Collection, binding: string, declaration: ASTNode): NamespaceUsage {
  const members: MemberUse[] = [];
  let usedAsValue = false;
  let computedAccess = false;
  let writtenMember: string | undefined;
  const identifiers = scope.find(j.Identifier, { name: binding }).paths();
  // Only identifiers that resolve to this binding count: an inner `const ns` or a parameter
  // named like it is another variable. (null: a binding the scope tracker does not register.)
  const declared = identifiers.find((identifier) => identifier.parent && isDeclarationOf(identifier.parent.node, identifier.node, declaration));
  const bindingScope = declared?.scope?.lookup(binding) ?? null;
  for (const identifier of identifiers) {
    if ((identifier.scope?.lookup(binding) ?? null) !== bindingScope) continue;
    const parent = identifier.parent?.node as ASTNode & Record<string, unknown>;
    if (!parent || isDeclarationOf(parent, identifier.node, declaration)) continue;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === identifier.node) {
      const property = parent.property as { type: string; name: string };
      if (isWritten(identifier.parent)) {
        usedAsValue = true;
        writtenMember ??= parent.computed ? `${binding}[…]` : `${binding}.${property.name}`;
        continue;
      }
      if (!parent.computed && property.type === 'Identifier') members.push({ name: property.name, path: identifier.parent, property });
      else if (parent.computed && property.type === 'StringLiteral') members.push({ name: String((property as { value?: unknown }).value), path: identifier.parent, property, quoted: true });
      else usedAsValue = computedAccess = true;
      continue;
    }
    // JSX reads a member as a tag name: `<ns.Button>` and its closing tag.
    if (parent.type === 'JSXMemberExpression' && (parent.object as unknown) === identifier.node) {
      const property = parent.property as { name: string };
      members.push({ name: property.name, path: identifier.parent, property, tag: true });
      continue;
    }
    const spied = spiedMember(parent, identifier.node);
    if (spied) {
      members.push({ name: String(spied.value), path: identifier.parent, property: spied as unknown as { name: string }, quoted: true, spied: true });
      continue;
    }
    if (parent.type === 'TSQualifiedName' && parent.left === identifier.node) {
      const right = parent.right as { name: string };
      members.push({ name: right.name, path: identifier.parent, property: right });
      continue;
    }
    // A property key or a member named like the binding is not a use of it.
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === identifier.node && !parent.computed) continue;
    if (
      (parent.type === 'ObjectProperty' ||
        parent.type === 'ClassProperty' ||
        parent.type === 'ObjectMethod' ||
        parent.type === 'ClassMethod' ||
        parent.type === 'TSPropertySignature' ||
        parent.type === 'TSMethodSignature') &&
      parent.key === identifier.node &&
      !parent.computed &&
      !(parent as { shorthand?: boolean }).shorthand
    )
      continue;
    if (parent.type === 'TSQualifiedName' && parent.right === identifier.node) continue;
    // A member, an attribute or an XML-style namespace (`<ui:thing>`) named like the binding is not a use of it.
    if ((parent.type === 'JSXMemberExpression' && (parent.property as unknown) === identifier.node) || parent.type === 'JSXAttribute' || parent.type === 'JSXNamespacedName') continue;
    // Names in other modules' terms: `export { x as y } from '…'`, `import { x }`, `import('…').x`.
    if (parent.type === 'ExportSpecifier' && identifier.parent?.parent?.node.source) continue;
    if (parent.type === 'ImportSpecifier' || parent.type === 'ExportNamespaceSpecifier') continue;
    if (parent.type === 'TSImportType' && parent.qualifier === identifier.node) continue;
    usedAsValue = true;
  }
  return { members, usedAsValue, computedAccess, ...(writtenMember ? { writtenMember } : {}) };
}

/**
 * Whether the member expression at `member` is assigned (`=`, `+=`, `++`, a destructuring target
 * such as `[ns.a] = …`, the target of `for (ns.a of …)`) or deleted rather than read.
 */
function isWritten(member: ASTPath): boolean {
  let target: ASTPath = member;
  // Up through the patterns of a destructuring assignment to what holds them.
  for (;;) {
    const parent = target.parent?.node as (ASTNode & { value?: unknown; argument?: unknown; left?: unknown }) | undefined;
    const inObjectPattern = parent?.type === 'ObjectProperty' && parent.value === target.node && target.parent?.parent?.node.type === 'ObjectPattern';
    const inPattern =
      inObjectPattern ||
      parent?.type === 'ArrayPattern' ||
      (parent?.type === 'RestElement' && parent.argument === target.node) ||
      (parent?.type === 'AssignmentPattern' && parent.left === target.node);
    if (!inPattern) break;
    target = inObjectPattern ? (target.parent.parent as ASTPath) : (target.parent as ASTPath);
  }
  const holder = target.parent?.node as (ASTNode & { left?: unknown; argument?: unknown; operator?: string }) | undefined;
  if (!holder) return false;
  if (holder.type === 'AssignmentExpression' || holder.type === 'ForOfStatement' || holder.type === 'ForInStatement') return holder.left === target.node;
  if (holder.type === 'UpdateExpression') return holder.argument === target.node;
  return holder.type === 'UnaryExpression' && holder.operator === 'delete' && holder.argument === target.node;
}

/** The member name of `spyOn(ns, 'member')` (`jest.spyOn`, `vi.spyOn`, jasmine's `spyOn`) when `identifier` is its `ns`. */
function spiedMember(parent: ASTNode & Record<string, unknown>, identifier: ASTNode): (ASTNode & { value: unknown }) | undefined {
  if (parent.type !== 'CallExpression') return undefined;
  const callee = parent.callee as ASTNode & { name?: string; property?: { name?: string } };
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? callee.property?.name : undefined;
  const [object, member] = parent.arguments as ASTNode[];
  return name === 'spyOn' && object === identifier && member?.type === 'StringLiteral' ? member : undefined;
}

function isDeclarationOf(parentNode: ASTNode, identifier: ASTNode, declaration: ASTNode): boolean {
  const parent = parentNode as ASTNode & Record<string, unknown>;
  if (parent === declaration) return true;
  if (parent.type === 'ImportNamespaceSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportSpecifier') return true;
  if (parent.type === 'VariableDeclarator' && parent.id === identifier) return true;
  if (parent.type === 'TSImportEqualsDeclaration' && parent.id === identifier) return true;
  if (Array.isArray(parent.params) && parent.params.includes(identifier)) return true;
  return false;
}

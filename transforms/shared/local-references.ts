// The references to one binding of a file, found through the scope tracker: what renaming the
// binding must touch. A property key, a member name or an inner binding of the same name is not
// a reference; a shorthand property and a local `export { x }` are, in a form of their own.
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { FileContext } from '../../src/phase-api/define-phase.js';
import type { Ranged } from './ast-edits.js';

export interface LocalReference {
  node: Ranged;
  /** `plain`: the identifier; `shorthand`: a `{ x }` property (the key must stay); `export`: `export { x }` (the public name must stay). */
  form: 'plain' | 'shorthand' | 'export';
}

/**
 * Every reference to the binding that `declared` (an identifier node) introduces, or undefined
 * when the scope tracker does not know the binding, so a rename could not be proven safe. With
 * `sameScopeAs`, also undefined when that name means something else at one of the references
 * (an inner binding shadows it there), so the references could not take that name.
 */
export function localReferences(file: FileContext, declared: ASTNode, sameScopeAs?: string): LocalReference[] | undefined {
  const { j, root } = file;
  const name = (declared as { name: string }).name;
  // A JSX identifier is an Identifier to ast-types too: each node once.
  const found = [...root.find(j.Identifier, { name }).paths(), ...root.find(j.JSXIdentifier, { name }).paths()] as ASTPath[];
  const paths = [...new Map(found.map((path) => [path.node, path])).values()];
  const declaration = paths.find((path) => path.node === declared);
  const bindingScope = declaration?.scope?.lookup(name);
  if (!declaration || !bindingScope) return undefined;
  const references: LocalReference[] = [];
  for (const path of paths) {
    if (path === declaration || path.scope?.lookup(name) !== bindingScope) continue;
    if (sameScopeAs !== undefined && path.scope?.lookup(sameScopeAs) !== bindingScope) return undefined;
    const form = referenceForm(path);
    if (form) references.push({ node: (form === 'plain' ? path.node : path.parent.node) as Ranged, form });
  }
  return references;
}

function referenceForm(path: ASTPath): LocalReference['form'] | undefined {
  const node = path.node;
  const parent = path.parent?.node as (ASTNode & Record<string, unknown>) | undefined;
  if (!parent) return 'plain';
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
    case 'JSXMemberExpression':
      return parent.property === node && !parent.computed ? undefined : 'plain';
    case 'ObjectProperty':
    case 'Property':
      // Babel gives a shorthand property two nodes at one range: the value stands for both.
      if (parent.shorthand) return parent.value === node ? 'shorthand' : undefined;
      return parent.key === node && !parent.computed ? undefined : 'plain';
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
    case 'TSEnumMember':
      return parent.key === node && !parent.computed ? undefined : 'plain';
    case 'ExportSpecifier':
      if (path.parent.parent?.node.source) return undefined;
      if (parent.local !== node) return undefined;
      return (parent.exported as { name?: string }).name === (node as { name: string }).name ? 'export' : 'plain';
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'JSXAttribute':
    case 'JSXNamespacedName':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'MetaProperty':
      return undefined;
    case 'TSQualifiedName':
      return parent.left === node ? 'plain' : undefined;
    case 'TSImportType':
      return parent.qualifier === node ? undefined : 'plain';
    default:
      return 'plain';
  }
}

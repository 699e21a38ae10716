// What a name means where a site stands. The checker resolves it the way the code will run, so
// an inner binding of the same name (an arrow's parameter, a block's local, a catch clause's
// error, a loop variable) wins over the outer one the phase may have chosen as the context.
import type { Node } from 'ts-morph';

// ts.SymbolFlags.Value | ts.SymbolFlags.Alias: variables, parameters, functions, classes, imports.
const VALUE_OR_ALIAS = 111551 | 2097152;

/** The declarations each of `names` resolves to at `site`; a name nothing binds there is absent. */
export function declarationsAt(site: Node, names: ReadonlySet<string>): Map<string, Node[]> {
  const found = new Map<string, Node[]>();
  if (names.size === 0) return found;
  for (const symbol of site.getSymbolsInScope(VALUE_OR_ALIAS)) {
    const name = symbol.getName();
    if (names.has(name)) found.set(name, symbol.getDeclarations());
  }
  return found;
}

/** A declaration as a reason names it: `a parameter of an arrow function (line 7)`. */
export function describeDeclaration(declaration: Node): string {
  return `${whatDeclares(declaration)} (line ${declaration.getStartLineNumber()})`;
}

function whatDeclares(declaration: Node): string {
  let node = declaration;
  // `{ ctx }` destructured: what the pattern belongs to.
  while (node.getKindName() === 'BindingElement') node = node.getParentOrThrow().getParentOrThrow();
  const parent = node.getParent();
  switch (node.getKindName()) {
    case 'Parameter':
      return `a parameter of ${parent ? functionNamed(parent) : 'a function'}`;
    case 'VariableDeclaration': {
      if (parent?.getKindName() === 'CatchClause') return "a catch clause's error";
      const holder = parent?.getParent()?.getKindName();
      if (holder === 'ForStatement' || holder === 'ForOfStatement' || holder === 'ForInStatement') return 'a loop variable';
      return 'a local variable';
    }
    case 'FunctionDeclaration':
      return 'a function';
    case 'FunctionExpression':
      return "a function expression's own name";
    case 'ClassDeclaration':
    case 'ClassExpression':
      return 'a class';
    case 'ImportSpecifier':
    case 'ImportClause':
    case 'NamespaceImport':
    case 'ImportEqualsDeclaration':
      return 'an import';
    default:
      return `a ${node.getKindName()}`;
  }
}

function functionNamed(fn: Node): string {
  const name = (fn as unknown as { getName?(): string | undefined }).getName?.();
  switch (fn.getKindName()) {
    case 'ArrowFunction':
      return 'an arrow function';
    case 'Constructor':
      return 'the constructor';
    case 'MethodDeclaration':
      return name ? `method \`${name}\`` : 'a method';
    default:
      return name ? `function \`${name}\`` : 'a function';
  }
}

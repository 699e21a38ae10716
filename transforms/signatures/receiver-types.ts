// The type checker's answers the signatures phase needs: which configured declaration a name
// in the config means, and whether a receiver's type is, extends or implements one of them.
import type { ClassDeclaration, Node, ParameterDeclaration, SourceFile, Symbol as MorphSymbol, Type, TypeChecker, ts } from 'ts-morph';
import { SsotError } from '../../src/errors.js';
import type { ProjectServices } from '../../src/phase-api/define-phase.js';

export interface SymbolRef {
  module: string;
  export: string;
}

/** A configured declaration, resolved once: its symbol and the file that declares it. */
export interface ResolvedDeclaration {
  ref: SymbolRef;
  symbol: MorphSymbol;
  /** Symbols a value of it may show through its type (an arrow function's own symbol, say). */
  identities: Set<ts.Symbol>;
}

export function resolveDeclaration(project: ProjectServices, ref: SymbolRef, field: string): ResolvedDeclaration {
  const module = project.resolveConfigModule(ref.module, `${field}.module`);
  const exported = exportSymbol(project.types().loadModule(module), ref.export);
  if (!exported) throw new SsotError('CONFIG_INVALID', `${field}.export: ${module.key} exports no "${ref.export}"`);
  const identities = new Set<ts.Symbol>([exported.compilerSymbol]);
  // `export const fn = () => …`: a call's callee shows the arrow function's symbol.
  const declaration = exported.getValueDeclaration();
  if (declaration) {
    const own = declaration.getType().getSymbol();
    if (own) identities.add(own.compilerSymbol);
  }
  return { ref, symbol: exported, identities };
}

function exportSymbol(sourceFile: SourceFile, name: string): MorphSymbol | undefined {
  // getExportSymbols follows `export *` (a package read through a probe is one).
  const symbol =
    sourceFile.getSymbol()?.getExport(name) ??
    (name === 'default' ? sourceFile.getDefaultExportSymbol() : undefined) ??
    sourceFile.getExportSymbols().find((candidate) => candidate.getName() === name);
  if (!symbol) return undefined;
  return symbol.isAlias() ? (symbol.getAliasedSymbol() ?? symbol) : symbol;
}

/** Whether a type says nothing: `any` (the error type is one too) or `unknown`. */
export function isUnresolvable(type: Type): boolean {
  return type.isAny() || type.isUnknown();
}

/**
 * Whether `type` is, extends or implements one of `targets`. A union qualifies when every
 * member does (null and undefined aside, for `m?.x()`); an intersection when one member does.
 */
export function typeQualifies(type: Type, targets: ReadonlySet<ts.Symbol>, seen = new Set<Type>()): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  if (type.isUnion()) {
    const members = type.getUnionTypes().filter((member) => !member.isNull() && !member.isUndefined());
    return members.length > 0 && members.every((member) => typeQualifies(member, targets, seen));
  }
  if (type.isIntersection()) return type.getIntersectionTypes().some((member) => typeQualifies(member, targets, seen));
  if (type.isTypeParameter()) {
    const constraint = type.getConstraint();
    return constraint ? typeQualifies(constraint, targets, seen) : false;
  }
  const alias = type.getAliasSymbol();
  if (alias && targets.has(alias.compilerSymbol)) return true;
  const symbol = type.getSymbol();
  if (!symbol) return false;
  if (targets.has(symbol.compilerSymbol)) return true;
  if (type.isClassOrInterface() || type.getTargetType()?.isClassOrInterface()) {
    for (const base of type.getBaseTypes()) if (typeQualifies(base, targets, seen)) return true;
  }
  for (const declaration of symbol.getDeclarations()) {
    if (!isKind<ClassDeclaration>(declaration, 'ClassDeclaration') && !isKind<ClassDeclaration>(declaration, 'ClassExpression')) continue;
    for (const implemented of declaration.getImplements()) if (typeQualifies(implemented.getType(), targets, seen)) return true;
  }
  return false;
}

/** Whether a callee (identifier or `ns.fn`) resolves to one of the declaration's identities. */
export function calleeResolvesTo(callee: Node, target: ResolvedDeclaration): boolean {
  let symbol = callee.getSymbol();
  while (symbol?.isAlias()) {
    const next = symbol.getAliasedSymbol();
    if (!next || next === symbol) break;
    symbol = next;
  }
  if (symbol && target.identities.has(symbol.compilerSymbol)) return true;
  const typeSymbol = callee.getType().getSymbol();
  return typeSymbol !== undefined && target.identities.has(typeSymbol.compilerSymbol);
}

/** A call signature written the way TypeScript prints it: `(a: string, b?: number): void`. */
export function signatureText(checker: TypeChecker, signature: { compilerSignature: ts.Signature }): string {
  return checker.compilerObject.signatureToString(signature.compilerSignature);
}

/** How many arguments a signature takes: at least `min`, at most `max` (Infinity with a rest). */
export function arityOf(signature: { getParameters(): MorphSymbol[] }): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const parameter of signature.getParameters()) {
    const declaration = parameter.getValueDeclaration();
    if (declaration && isKind<ParameterDeclaration>(declaration, 'ParameterDeclaration')) {
      if (declaration.isRestParameter()) return { min, max: Number.POSITIVE_INFINITY };
      max++;
      if (!declaration.isOptional() && !declaration.hasInitializer()) min = max;
    } else {
      max++;
      min = max;
    }
  }
  return { min, max };
}

/**
 * A node kind test by name. ts-morph is loaded only for runs that need types, so the phases
 * import its types, never its values (`Node.isX`, `SyntaxKind`).
 */
export function isKind<T extends Node>(node: Node, kindName: string): node is T {
  return node.getKindName() === kindName;
}

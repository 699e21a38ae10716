// Interface completeness: every manager class must offer each method of the canonical interface
// with a signature that can stand in for it (TypeScript assignability, as `implements` checks).
import type { ClassDeclaration, MethodDeclaration, MethodSignature, Node, Type, TypeChecker } from 'ts-morph';
import type { FindingReport } from '../../src/phase-api/define-phase.js';
import { arityOf, isKind, signatureText, type ResolvedDeclaration } from './receiver-types.js';

export type InterfaceMessageId = 'interfaceMissing' | 'interfaceMismatch';

export interface CanonicalMethod {
  name: string;
  /** `WebSocketManagerProtocol.addConnection(connection: WebSocketConnection): void`, per overload. */
  display: string;
  type: Type;
  arities: Array<{ min: number; max: number }>;
}

export interface CanonicalInterface {
  name: string;
  methods: Map<string, CanonicalMethod>;
}

/** The methods of the configured interface, or the public instance methods of the canonical class. */
export function readCanonicalInterface(declaration: ResolvedDeclaration, checker: TypeChecker): CanonicalInterface {
  const name = declaration.symbol.getName();
  const node = declaration.symbol.getDeclarations()[0];
  const methods = new Map<string, CanonicalMethod>();
  if (!node) return { name, methods };
  const type = declaration.symbol.getDeclaredType();
  for (const property of type.getProperties()) {
    const member = property.getValueDeclaration() ?? property.getDeclarations()[0];
    if (!member) continue;
    const isMethod = isKind<MethodSignature>(member, 'MethodSignature') || (isKind<MethodDeclaration>(member, 'MethodDeclaration') && !member.isStatic() && member.getScope() === 'public');
    if (!isMethod || property.getName().startsWith('#')) continue;
    const memberType = checker.getTypeOfSymbolAtLocation(property, node);
    const signatures = memberType.getCallSignatures();
    methods.set(property.getName(), {
      name: property.getName(),
      display: signatures.map((signature) => `${name}.${property.getName()}${signatureText(checker, signature)}`).join(' | '),
      type: memberType,
      arities: signatures.map(arityOf),
    });
  }
  return { name, methods };
}

/** One manual finding per canonical method the class misses or offers with an incompatible signature. */
export function checkImplementation(
  cls: ClassDeclaration,
  canonical: CanonicalInterface,
  only: readonly string[] | undefined,
  checker: TypeChecker,
  at: (node: Node) => Pick<FindingReport, 'file' | 'line' | 'column'>,
): Array<FindingReport<InterfaceMessageId>> {
  const className = cls.getName() ?? 'default class';
  const findings: Array<FindingReport<InterfaceMessageId>> = [];
  const classType = cls.getType();
  const names = only ?? [...canonical.methods.keys()];
  for (const methodName of names) {
    const method = canonical.methods.get(methodName);
    if (!method) continue;
    const property = classType.getProperty(methodName);
    if (!property) {
      findings.push({
        phase: 'signatures',
        kind: 'interface-missing',
        ...at(cls.getNameNode() ?? cls),
        messageId: 'interfaceMissing',
        data: { className, method: methodName, canonical: method.display },
        fixable: false,
        reason: `${className} does not offer ${canonical.name}.${methodName}; implement it or retire the class`,
      });
      continue;
    }
    const memberNode = property.getValueDeclaration() ?? property.getDeclarations()[0] ?? cls;
    const memberType = checker.getTypeOfSymbolAtLocation(property, cls);
    if (checker.isTypeAssignableTo(memberType, method.type)) continue;
    const signatures = memberType.getCallSignatures();
    const offered =
      signatures.length > 0 ? signatures.map((signature) => `${className}.${methodName}${signatureText(checker, signature)}`).join(' | ') : `${className}.${methodName}: ${memberType.getText(cls)}`;
    findings.push({
      phase: 'signatures',
      kind: 'interface-mismatch',
      ...at(isKind<MethodDeclaration>(memberNode, 'MethodDeclaration') ? memberNode.getNameNode() : memberNode),
      messageId: 'interfaceMismatch',
      data: { offered, canonical: method.display },
      fixable: false,
      reason: `${className}.${methodName} cannot stand in for ${canonical.name}.${methodName}; align its parameters and return type`,
    });
  }
  return findings;
}

// Managers shared between requests: an instance created at module level (or in a static
// field), and a registry of managers keyed by less than the isolation key. A local rewrite
// cannot fix either: the sharing is the design. They are reported with who uses them, so a
// human can move them into request scope.
import type { Node, SourceFile, Type } from 'ts-morph';
import { declarationKey, type FactoryTargets } from './access-patterns.js';
import type { TypeServices } from '../../src/phase-api/define-phase.js';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunction', 'MethodDeclaration', 'Constructor', 'GetAccessor', 'SetAccessor']);
const MAX_LISTED = 8;

/** Whether a site runs once per module (or per class), not once per call. */
export function runsAtModuleLevel(site: Node): boolean {
  for (let node = site.getParent(); node; node = node.getParent()) {
    const kind = node.getKindName();
    if (FUNCTIONS.has(kind)) return false;
    if (kind === 'PropertyDeclaration') return Boolean((node as unknown as { isStatic(): boolean }).isStatic());
  }
  return true;
}

/** The variable or static field a module-level site initialises, if any. */
export function holderOf(site: Node): Node | undefined {
  for (let node = site.getParent(); node; node = node.getParent()) {
    const kind = node.getKindName();
    if (kind === 'VariableDeclaration' || kind === 'PropertyDeclaration') return (node as unknown as { getNameNode(): Node }).getNameNode();
    if (kind === 'SourceFile' || kind.endsWith('Statement')) return undefined;
  }
  return undefined;
}

export interface Registry {
  name: Node;
  /** Isolation-key fields some key of the registry leaves out; empty keys: none seen. */
  missing: string[];
  keys: string[];
}

/** Module-level maps (and static map fields) whose values are managers, keyed by less than `isolationKey`. */
export function findRegistries(sourceFile: SourceFile, targets: FactoryTargets, isolationKey: readonly string[]): Registry[] {
  const registries: Registry[] = [];
  const consider = (holder: Node): void => {
    if (!holdsManagers(holder.getType(), targets)) return;
    const name = (holder as unknown as { getNameNode(): Node }).getNameNode();
    const keys = keyExpressions(sourceFile, name);
    const missing = isolationKey.filter((field) => keys.length === 0 || keys.some((key) => !new RegExp(`(?<![\\w$])${field}(?![\\w$])`).test(key)));
    if (missing.length > 0) registries.push({ name, missing, keys });
  };
  for (const statement of sourceFile.getStatements()) {
    const kind = statement.getKindName();
    if (kind === 'VariableStatement') {
      for (const declaration of (statement as unknown as { getDeclarations(): Node[] }).getDeclarations()) consider(declaration);
    } else if (kind === 'ClassDeclaration') {
      statement.forEachChild((member) => {
        if (member.getKindName() === 'PropertyDeclaration' && (member as unknown as { isStatic(): boolean }).isStatic()) consider(member);
      });
    }
  }
  return registries;
}

function holdsManagers(type: Type, targets: FactoryTargets): boolean {
  const symbol = type.getSymbol();
  if (!symbol || !['Map', 'WeakMap'].includes(symbol.getName())) return false;
  const value = type.getTypeArguments()[1];
  if (!value) return false;
  const parts = value.isUnion() ? value.getUnionTypes() : [value];
  return parts.some((part) =>
    part
      .getSymbol()
      ?.getDeclarations()
      .some((declaration) => targets.classes.has(declarationKey(declaration))),
  );
}

/** The key arguments of `.set/.get/.has/.delete` calls on the registry in its file. */
function keyExpressions(sourceFile: SourceFile, name: Node): string[] {
  const text = name.getText();
  const keys: string[] = [];
  sourceFile.forEachDescendant((node) => {
    if (node.getKindName() !== 'CallExpression') return;
    const callee = (node as unknown as { getExpression(): Node }).getExpression();
    if (callee.getKindName() !== 'PropertyAccessExpression') return;
    const access = callee as unknown as { getName(): string; getExpression(): Node };
    if (
      access
        .getExpression()
        .getText()
        .replace(/^this\./, '') !== text ||
      !['set', 'get', 'has', 'delete'].includes(access.getName())
    )
      return;
    const [key] = (node as unknown as { getArguments(): Node[] }).getArguments();
    if (key) keys.push(key.getText());
  });
  return [...new Set(keys)];
}

/**
 * Who uses a shared instance: the top-level declarations of its own file that touch it and
 * the other files that reach it, directly or through those declarations.
 */
export function usersOf(name: Node, types: TypeServices): { local: string[]; files: string[] } {
  const home = name.getSourceFile();
  const local = new Set<string>();
  const files = new Set<string>();
  const visitReferences = (target: Node, throughLocal: boolean): void => {
    const references = (target as unknown as { findReferencesAsNodes?(): Node[] }).findReferencesAsNodes?.() ?? [];
    for (const reference of references) {
      const file = reference.getSourceFile();
      if (file !== home) {
        const repoPath = types.repoPath(file);
        if (repoPath) files.add(repoPath);
        continue;
      }
      if (throughLocal) continue;
      const owner = topLevelNameOf(reference);
      if (owner && owner.getText() !== name.getText() && !local.has(owner.getText())) {
        local.add(owner.getText());
        visitReferences(owner, true);
      }
    }
  };
  visitReferences(name, false);
  return { local: [...local].sort(), files: [...files].sort() };
}

/** The name of the top-level declaration (function, class, variable) that holds `node`. */
function topLevelNameOf(node: Node): Node | undefined {
  let current: Node | undefined = node;
  while (current && current.getParent()?.getKindName() !== 'SourceFile') current = current.getParent();
  if (!current) return undefined;
  const kind = current.getKindName();
  if (kind === 'FunctionDeclaration' || kind === 'ClassDeclaration') return (current as unknown as { getNameNode(): Node | undefined }).getNameNode();
  if (kind === 'VariableStatement') {
    const declaration = (current as unknown as { getDeclarations(): Node[] }).getDeclarations().find((candidate) => candidate.getStart() <= node.getStart() && node.getEnd() <= candidate.getEnd());
    return declaration ? (declaration as unknown as { getNameNode(): Node }).getNameNode() : undefined;
  }
  return undefined;
}

/** "used by getWebSocketManager, WebSocketManagerFactory in this file; by src/a.ts, src/b.ts" */
export function describeUsers(users: { local: string[]; files: string[] }): string {
  const parts: string[] = [];
  if (users.local.length > 0) parts.push(`${users.local.join(', ')} in this file`);
  if (users.files.length > 0) {
    const listed = users.files.slice(0, MAX_LISTED).join(', ');
    const more = users.files.length > MAX_LISTED ? ` and ${users.files.length - MAX_LISTED} more` : '';
    parts.push(`${users.files.length} file${users.files.length === 1 ? '' : 's'}: ${listed}${more}`);
  }
  return parts.length > 0 ? `used by ${parts.join('; ')}` : 'no users found among the files loaded';
}

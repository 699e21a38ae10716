// One module as `init`'s candidate search reads it: the modules it imports, and each class or
// function it declares and exports with its parameter shape and its normalised tokens. Only the
// top level of the file is read, from the bare parse: a whole library is surveyed in seconds.
import { parseSyntax } from '../engine/parsers.js';
import { openSource } from '../engine/source-text.js';
import { moduleView } from '../engine/embedded-scripts.js';

/** A parameter as the syntax shows it: what a caller must pass, not its type. */
export type ParameterKind = 'required' | 'optional' | 'rest' | 'object' | 'array';

export interface SurveyedCallable {
  /** The exported name. */
  name: string;
  kind: 'class' | 'function';
  /** For a class, its constructor's. */
  parameters: ParameterKind[];
  /**
   * The declaration's tokens, parameters renamed by position, followed by those of the module's
   * own top-level declarations it names (a lookup table is part of what a function does).
   * Computed on demand: only declarations whose name another module also declares need them.
   */
  tokens(): string[];
  line: number;
}

export interface SurveyedAlias {
  /** The exported name, which differs from `original`: one thing under a second name. */
  name: string;
  original: string;
}

export interface ModuleSurvey {
  /** Module specifiers of its imports, re-exports and `export *`, as written. */
  specifiers: string[];
  callables: SurveyedCallable[];
  /** Exports that rename something imported (`export { A as B } from`, `export const B = A`). */
  aliases: SurveyedAlias[];
  /** Exported class names, its own or handed on. */
  classNames: string[];
  lines: number;
}

interface Node {
  type: string;
  start?: number | null;
  end?: number | null;
  loc?: { start: { line: number } } | null;
  [key: string]: unknown;
}

const FUNCTION_VALUES = new Set(['ArrowFunctionExpression', 'FunctionExpression']);

/** Undefined when the file does not parse. */
export function surveyModule(file: string, text: string): ModuleSurvey | undefined {
  // A component is read as its code blocks, in place.
  const view = moduleView(file, text);
  if (!view) return undefined;
  const body = openSource(view.code).body;
  let program: { body: Node[] };
  try {
    program = (parseSyntax(view.parseAs, body) as unknown as { program: { body: Node[] } }).program;
  } catch {
    return undefined;
  }

  const specifiers: string[] = [];
  const imported = new Map<string, string>();
  /** Name → the top-level statement (or declarator) that declares it. */
  const declared = new Map<string, Node>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      specifiers.push(String((statement.source as Node).value));
      for (const specifier of (statement.specifiers as Node[]) ?? []) {
        const local = (specifier.local as Node).name as string;
        const importedName = specifier.type === 'ImportSpecifier' ? nameOf(specifier.imported as Node) : specifier.type === 'ImportDefaultSpecifier' ? 'default' : '*';
        imported.set(local, importedName);
      }
      continue;
    }
    if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && statement.source) specifiers.push(String((statement.source as Node).value));
    const declaration = unwrapExport(statement);
    if (declaration) for (const [name, node] of declaredNames(declaration)) declared.set(name, node);
  }

  const callables: SurveyedCallable[] = [];
  const aliases: SurveyedAlias[] = [];
  const classNames: string[] = [];
  const exportLocal = (exportedName: string, local: string): void => {
    if (exportedName === 'default') return;
    const node = declared.get(local);
    const original = imported.get(local);
    if (original !== undefined && original !== '*' && original !== exportedName) aliases.push({ name: exportedName, original });
    if (!node) return;
    const callable = callableOf(node);
    if (node.type === 'ClassDeclaration' || callable?.kind === 'class') classNames.push(exportedName);
    const aliasOf = node.type === 'VariableDeclarator' && (node.init as Node | null)?.type === 'Identifier' ? ((node.init as Node).name as string) : undefined;
    if (aliasOf !== undefined && imported.has(aliasOf) && imported.get(aliasOf) !== exportedName) aliases.push({ name: exportedName, original: imported.get(aliasOf)! });
    if (!callable) return;
    callables.push({
      name: exportedName,
      kind: callable.kind,
      parameters: callable.parameters.map(parameterKind),
      tokens: () => normalisedTokens(body, node, callable.parameters, declared, local),
      line: node.loc?.start.line ?? 1,
    });
  };

  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.exportKind === 'type') continue;
    const declaration = statement.declaration as Node | null;
    if (declaration) {
      for (const [name] of declaredNames(declaration)) exportLocal(name, name);
      continue;
    }
    for (const specifier of (statement.specifiers as Node[]) ?? []) {
      if (specifier.exportKind === 'type' || specifier.type !== 'ExportSpecifier') continue;
      const exportedName = nameOf(specifier.exported as Node);
      const localName = nameOf(specifier.local as Node);
      if (statement.source) {
        if (localName !== exportedName && localName !== 'default') aliases.push({ name: exportedName, original: localName });
        if (/^[A-Z][a-z]/.test(exportedName)) classNames.push(exportedName);
      } else {
        exportLocal(exportedName, localName);
      }
    }
  }
  return { specifiers, callables, aliases, classNames, lines: text.split('\n').length };
}

function nameOf(node: Node): string {
  return String(node.type === 'Identifier' ? node.name : node.value);
}

function unwrapExport(statement: Node): Node | undefined {
  if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') return (statement.declaration as Node | null) ?? undefined;
  return statement;
}

/** The names a top-level declaration binds, each with the node that declares it. */
function declaredNames(declaration: Node): Array<[string, Node]> {
  switch (declaration.type) {
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSEnumDeclaration': {
      const id = declaration.id as Node | null;
      return id ? [[id.name as string, declaration]] : [];
    }
    case 'VariableDeclaration':
      return (declaration.declarations as Node[]).filter((item) => (item.id as Node).type === 'Identifier').map((item) => [(item.id as Node).name as string, item]);
    default:
      return [];
  }
}

function callableOf(node: Node): { kind: 'class' | 'function'; parameters: Node[] } | undefined {
  if (node.type === 'FunctionDeclaration' && node.body) return { kind: 'function', parameters: node.params as Node[] };
  const init = node.type === 'VariableDeclarator' ? (node.init as Node | null) : undefined;
  if (init && FUNCTION_VALUES.has(init.type)) return { kind: 'function', parameters: init.params as Node[] };
  const klass = node.type === 'ClassDeclaration' ? node : init?.type === 'ClassExpression' ? init : undefined;
  if (!klass) return undefined;
  const members = (klass.body as Node).body as Node[];
  const constructor = members.find((member) => member.type === 'ClassMethod' && member.kind === 'constructor');
  return { kind: 'class', parameters: (constructor?.params as Node[] | undefined) ?? [] };
}

function parameterKind(parameter: Node): ParameterKind {
  const inner = parameter.type === 'TSParameterProperty' ? (parameter.parameter as Node) : parameter;
  switch (inner.type) {
    case 'AssignmentPattern':
      return 'optional';
    case 'RestElement':
      return 'rest';
    case 'ObjectPattern':
      return 'object';
    case 'ArrayPattern':
      return 'array';
    default:
      return inner.optional === true ? 'optional' : 'required';
  }
}

/** The tokens of `node`, then of each top-level declaration of the module it names (once each). */
function normalisedTokens(text: string, node: Node, parameters: readonly Node[], declared: ReadonlyMap<string, Node>, self: string): string[] {
  const renamed = new Map<string, string>();
  parameters.forEach((parameter, index) => {
    const inner = parameter.type === 'TSParameterProperty' ? (parameter.parameter as Node) : parameter;
    const id = inner.type === 'AssignmentPattern' ? (inner.left as Node) : inner.type === 'RestElement' ? (inner.argument as Node) : inner;
    if (id.type === 'Identifier') renamed.set(id.name as string, `$${index}`);
  });
  const own = tokensIn(text, node, renamed);
  const out = [...own];
  const added = new Set([self]);
  for (const token of own) {
    const local = declared.get(token);
    if (!local || added.has(token)) continue;
    added.add(token);
    out.push(...tokensIn(text, local, new Map()));
  }
  return out;
}

/**
 * Comments, then strings, template literals, regular-expression-free numbers, words and single
 * punctuation characters. A lexer's precision is not needed to tell a copy from a stranger.
 */
const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|(["'`])(?:\\[\s\S]|(?!\1)[\s\S])*\1|\d[\w.]*|[\w$]+|\S/g;

function tokensIn(text: string, node: Node, renamed: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [token, quote] of text.slice(node.start ?? 0, node.end ?? 0).matchAll(TOKEN)) {
    if (token.startsWith('//') || token.startsWith('/*')) continue;
    if (quote !== undefined) out.push(`string:${token.slice(1, -1)}`);
    else if (/^\d/.test(token)) out.push(`num:${token}`);
    else out.push(renamed.get(token) ?? token);
  }
  return out;
}

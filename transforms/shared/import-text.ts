// Import statements edited as text of the original (phases with `editModel: 'text'`): a name
// merged into an import keeps that import's quotes, semicolon, wrapping and trailing comma; a new
// import goes on its own line after the last one, ended like the file's lines; a removed import
// or list element takes its line with it, so no blank or dangling comma is left behind.
// Nodes are Babel's: their `start`/`end` index `file.source`.
import type { FileContext } from '../../src/phase-api/define-phase.js';
import { endOfLine, indentAt, nextToken, startOfLine, type Ranged } from './ast-edits.js';

interface Comment {
  type: string;
  start: number;
  end: number;
}

interface ImportNode extends Ranged {
  specifiers?: Ranged[] | null;
  source: Ranged & { extra?: { raw?: string } };
}

/** The terminator the file ends its lines with: CRLF when most of its lines end so. */
export function lineTerminatorOf(source: string): '\r\n' | '\n' {
  const crlf = (source.match(/\r\n/g) ?? []).length;
  const lf = (source.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** The top-level imports (`import … from`, `import x = require()`) in text order. */
export function topLevelImports(file: FileContext): Ranged[] {
  const program = (file.root.get().node as { program?: { body: Ranged[] }; body?: Ranged[] }).program ?? (file.root.get().node as { body: Ranged[] });
  return program.body.filter((statement) => statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration');
}

/**
 * The text of a new import of `names` (`a`, `b as c`) from `specifier`, written with the quote
 * and semicolon of the file's last import (single quotes and a semicolon in a file without one).
 */
export function importDeclarationText(file: FileContext, names: readonly string[], specifier: string): string {
  const sample = topLevelImports(file)
    .filter((node) => node.type === 'ImportDeclaration')
    .pop() as ImportNode | undefined;
  const raw = sample ? textOf(file.source, sample.source) : undefined;
  const quote = raw?.startsWith('"') ? '"' : "'";
  const semicolon = sample ? file.source[sample.end! - 1] === ';' : true;
  const escaped = specifier.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `import { ${names.join(', ')} } from ${quote}${escaped}${quote}${semicolon ? ';' : ''}`;
}

/**
 * Puts a new import statement on a line of its own after the last top-level import that stays
 * (after its trailing comment), or above the first statement of a file without imports. Make
 * removals first.
 */
export function insertImportStatement(file: FileContext, statement: string): void {
  const { source, edits } = file;
  const terminator = lineTerminatorOf(source);
  const imports = topLevelImports(file);
  // After the last import that stays: a comment left above a removed one does not label the new one.
  const last = imports.filter((node) => !isRemoved(file, node)).pop() ?? imports[imports.length - 1];
  if (last) {
    const lineEnd = endOfLine(source, last.end!);
    if (lineEnd.terminated) edits.insert(lineEnd.offset, `${statement}${terminator}`);
    else edits.insert(lineEnd.offset, `${terminator}${statement}`);
    return;
  }
  const program = (file.root.get().node as { program?: { body: Ranged[] } }).program;
  const first = program?.body[0];
  if (!first) {
    edits.insert(source.length, `${source.length > 0 && !source.endsWith('\n') ? terminator : ''}${statement}${terminator}`);
    return;
  }
  // Above the first statement and the comment block attached to it, below a header set apart by a blank line.
  const attached = commentsAbove(file, first);
  const at = startOfLine(source, attached[0]?.start ?? first.start!);
  edits.insert(at, `${statement}${terminator}${terminator}`);
}

/**
 * Adds `name` (`a` or `a as b`) to an import that has named or default specifiers and is not
 * being removed. Make removals first: a specifier or comma they remove counts as gone.
 */
export function addImportSpecifier(file: FileContext, declaration: Ranged, name: string): void {
  const { source, edits } = file;
  const node = declaration as ImportNode;
  const specifiers = (node.specifiers ?? []).filter((specifier) => !isRemoved(file, specifier));
  const named = specifiers.filter((specifier) => specifier.type === 'ImportSpecifier');
  const last = named[named.length - 1];
  if (!last) {
    const head = specifiers.find((specifier) => specifier.type === 'ImportDefaultSpecifier');
    const open = source.indexOf('{', node.start!);
    if (!(node.specifiers ?? []).some((specifier) => specifier.type === 'ImportSpecifier') && open !== -1 && open < node.source.start!) {
      // `import {} from 'm'`, or `import X, {} from 'm'`.
      edits.replace(open, source.indexOf('}', open) + 1, `{ ${name} }`);
      return;
    }
    if (!head) throw new Error(`${file.file}: an import without bindings takes no name`);
    edits.insert(head.end!, `, { ${name} }`);
    return;
  }
  const open = source.lastIndexOf('{', named[0]!.start!);
  if (!source.slice(open, named[0]!.start!).includes('\n')) {
    edits.insert(last.end!, `, ${name}`);
    return;
  }
  // One name per line: the new name on a line of its own, indented like the last one.
  const indent = indentAt(source, last.start!);
  const terminator = lineTerminatorOf(source);
  const comma = nextToken(source, last.end!);
  if (source[comma] === ',' && !isRemoved(file, { type: ',', start: comma, end: comma + 1 })) {
    edits.insert(endOfLine(source, comma + 1).contentEnd, `${terminator}${indent}${name},`);
  } else {
    edits.insert(last.end!, ',');
    edits.insert(endOfLine(source, last.end!).contentEnd, `${terminator}${indent}${name}`);
  }
}

/** Whether an edit already made removes all of `node`. */
export function isRemoved(file: FileContext, node: Ranged): boolean {
  return file.edits.list().some((edit) => edit.text === '' && edit.start <= node.start! && node.end! <= edit.end);
}

/**
 * Removes the specifiers `removed` of an import, or the whole statement when none would be left.
 */
export function removeImportSpecifiers(file: FileContext, declaration: Ranged, removed: ReadonlySet<Ranged>): void {
  const { source, edits } = file;
  const specifiers = (declaration as ImportNode).specifiers ?? [];
  const kept = specifiers.filter((specifier) => !removed.has(specifier));
  if (kept.length === specifiers.length) return;
  if (kept.length === 0) {
    removeStatement(file, declaration);
    return;
  }
  const head = specifiers[0]!.type === 'ImportSpecifier' ? undefined : specifiers[0]!;
  const named = specifiers.filter((specifier) => specifier.type === 'ImportSpecifier');
  if (head && removed.has(head)) {
    // `X, { a }` → `{ a }`; `X, * as ns` → `* as ns`.
    edits.remove(head.start!, nextToken(source, nextToken(source, head.end!) + 1));
  }
  if (named.length === 0) {
    if (head && !removed.has(head)) edits.remove(head.end!, specifiers[1]!.end!);
    return;
  }
  if (named.every((specifier) => removed.has(specifier))) {
    // `X, { a }` → `X`.
    const close = source.indexOf('}', named[named.length - 1]!.end!);
    edits.remove(head!.end!, close + 1);
    return;
  }
  removeListElements(file, named, removed);
}

/**
 * Removes some elements of a comma-separated list (import specifiers, destructured properties)
 * that keeps at least one. An element on a line of its own goes with its line; the list keeps
 * its trailing comma, or its lack of one.
 */
export function removeListElements(file: FileContext, elements: readonly Ranged[], removed: ReadonlySet<Ranged>): void {
  const { source, edits } = file;
  const lastKept = elements.reduce((found, element, index) => (removed.has(element) ? found : index), -1);
  if (lastKept === -1) throw new Error(`${file.file}: a list cannot lose every element this way`);
  elements.forEach((element, index) => {
    if (!removed.has(element) || index > lastKept) return;
    const next = elements[index + 1]!;
    if (aloneOnLine(source, element)) {
      // Its line goes; a note after it stays on that line.
      const comma = nextToken(source, element.end!);
      const line = endOfLine(source, comma + 1);
      const note = /^[ \t]*/.exec(source.slice(comma + 1, line.contentEnd))![0].length;
      if (comma + 1 + note === line.contentEnd) edits.remove(startOfLine(source, element.start!), line.offset);
      else edits.remove(element.start!, comma + 1 + note);
    } else {
      edits.remove(element.start!, next.start!);
    }
  });
  const tail = elements.slice(lastKept + 1);
  if (tail.length === 0) return;
  const keptElement = elements[lastKept]!;
  const lastRemoved = tail[tail.length - 1]!;
  if (tail.every((element) => aloneOnLine(source, element)) && aloneOnLine(source, keptElement)) {
    const afterLast = nextToken(source, lastRemoved.end!);
    const comma = nextToken(source, keptElement.end!);
    // Without a trailing comma after the last element, the last one kept loses its comma.
    if (source[afterLast] !== ',') edits.remove(comma, comma + 1);
    edits.remove(endOfLine(source, comma + 1).offset, endOfLine(source, source[afterLast] === ',' ? afterLast + 1 : lastRemoved.end!).offset);
    return;
  }
  edits.remove(keptElement.end!, lastRemoved.end!);
}

/**
 * Removes a statement. Alone on its lines, it goes with them and their terminator; the comments
 * around it stay where they are (a note after it on its last line stays on that line).
 */
export function removeStatement(file: FileContext, statement: Ranged): void {
  const { source, edits } = file;
  const lineStart = startOfLine(source, statement.start!);
  const line = endOfLine(source, statement.end!);
  const after = source.slice(statement.end!, line.contentEnd);
  if (!/^[ \t]*$/.test(source.slice(lineStart, statement.start!))) edits.remove(statement.start!, statement.end!);
  else if (/^[ \t]*$/.test(after)) edits.remove(lineStart, line.offset);
  else edits.remove(statement.start!, statement.end! + /^[ \t]*/.exec(after)![0].length);
}

/**
 * The comments on the lines right above `node`, each alone on its line(s), with no blank line
 * between them and the node: the block that speaks about it.
 */
function commentsAbove(file: FileContext, node: Ranged): Comment[] {
  const { source } = file;
  const all = ((file.root.get().node as { comments?: Comment[] | null }).comments ?? []).filter((comment) => comment.end <= node.start!);
  const own: Comment[] = [];
  let top = startOfLine(source, node.start!);
  for (let index = all.length - 1; index >= 0; index--) {
    const comment = all[index]!;
    // Only whitespace and one line break between the comment and what it speaks about.
    const between = source.slice(comment.end, top);
    if (!/^[ \t]*\r?\n$/.test(between) || !/^[ \t]*$/.test(source.slice(startOfLine(source, comment.start), comment.start))) break;
    own.unshift(comment);
    top = startOfLine(source, comment.start);
  }
  return own;
}

/** Whether only whitespace precedes `node` on its first line and only a comma, a note or nothing follows it on its last. */
function aloneOnLine(source: string, node: Ranged): boolean {
  if (!/^[ \t]*$/.test(source.slice(startOfLine(source, node.start!), node.start!))) return false;
  const rest = source.slice(node.end!, endOfLine(source, node.end!).contentEnd);
  return /^[ \t]*[,;]?[ \t]*(?:\/\/.*|\/\*(?:(?!\*\/).)*\*\/[ \t]*)?$/.test(rest);
}

function textOf(source: string, node: Ranged): string {
  return source.slice(node.start!, node.end!);
}

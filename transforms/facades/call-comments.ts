// The comments of a call that replacing it would drop: those outside its arguments' own text.
// Inlining writes the call anew, so each of them is given back a place: beside its argument, or
// on a line of its own above the statement.
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { FileContext } from '../../src/phase-api/define-phase.js';
import { argumentRegions } from '../shared/argument-regions.js';
import { endOfLine, indentAt, reindent, startOfLine, type Ranged } from '../shared/ast-edits.js';
import { lineTerminatorOf } from '../shared/import-text.js';

export interface CallComments {
  /** Per argument: the one-line block comments written right before it, and right after it (before or after its comma). */
  around: Array<{ before: string[]; after: string[] }>;
  /**
   * Comments that cannot stay inside an expression written on one line (line comments, comments
   * over several lines), and those beside no argument (after the callee, after a trailing comma);
   * each as if it began a line.
   */
  apart: string[];
  /**
   * The call's last comment, when it is a line comment written after code (`userId, // who gets it`):
   * it goes after the statement, beside code still and after the call's other comments.
   */
  trailing: string[];
}

export function callComments(call: Ranged & { arguments: Ranged[] }, source: string, comments: ReadonlyArray<{ start: number; end: number }>): CallComments {
  const args = call.arguments;
  const regions = argumentRegions(call, source) ?? [];
  const found: CallComments = { around: args.map(() => ({ before: [], after: [] })), apart: [], trailing: [] };
  const inCall = comments.filter((comment) => comment.start >= call.start! && comment.end <= call.end!);
  for (const comment of inCall) {
    // A comment inside an argument stays in its text.
    if (args.some((argument) => argument.start! <= comment.start && comment.end <= argument.end!)) continue;
    const text = source.slice(comment.start, comment.end);
    const index = regions.findIndex((region) => region.start <= comment.start && comment.end <= region.next);
    const last = comment === inCall[inCall.length - 1];
    if (last && text.startsWith('//') && source.slice(startOfLine(source, comment.start), comment.start).trim() !== '') found.trailing.push(text);
    else if (index === -1 || text.startsWith('//') || text.includes('\n')) found.apart.push(reindent(text, indentAt(source, comment.start), ''));
    else if (comment.end <= args[index]!.start!) found.around[index]!.before.push(text);
    else found.around[index]!.after.push(text);
  }
  return found;
}

/** Node types whose body is a list of statements or members: a line above one of those is outside any expression. */
const STATEMENT_LISTS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock', 'ClassBody']);

/**
 * Gives the comments of an inlined call their places: its last comment, a line comment that
 * followed code, still follows code at the end of the statement that holds `path` when the
 * statement ends its line; the others go on lines of their own above that statement.
 */
export function writeCallComments(file: FileContext, path: ASTPath, { apart, trailing }: Pick<CallComments, 'apart' | 'trailing'>): void {
  const statement = statementOf(path);
  const end = (statement.node as Ranged).end!;
  const { source } = file;
  const endsItsLine = source.slice(end, endOfLine(source, end).contentEnd).trim() === '';
  const after = trailing.length === 1 && endsItsLine ? trailing[0] : undefined;
  if (after) file.edits.insert(end, ` ${after}`);
  const above = after ? apart : [...apart, ...trailing];
  if (above.length > 0) writeCommentsAbove(file, statement, above);
}

/** The statement (or class member) that holds `path`. */
function statementOf(path: ASTPath): ASTPath {
  let statement = path;
  while (statement.parent && !holdsStatement(statement.parent.node as ASTNode, statement.node)) statement = statement.parent;
  return statement;
}

/** Writes comments on lines of their own above `statement`, at its indentation. */
function writeCommentsAbove(file: FileContext, statement: ASTPath, comments: readonly string[]): void {
  const { source } = file;
  const start = (statement.node as Ranged).start!;
  const indent = indentAt(source, start);
  const eol = lineTerminatorOf(source);
  const lines = comments.map((comment) => reindent(comment, '', indent));
  const lineStart = startOfLine(source, start);
  // Before a statement that shares its line with code, the line start may be inside that code (a template literal).
  if (source.slice(lineStart, start).trim() === '') file.edits.insert(lineStart, lines.map((line) => `${indent}${line}${eol}`).join(''));
  else file.edits.insert(start, lines.map((line) => `${line}${eol}${indent}`).join(''));
}

function holdsStatement(parent: ASTNode, node: ASTNode): boolean {
  return STATEMENT_LISTS.has(parent.type) || (parent.type === 'SwitchCase' && (parent as { test?: unknown }).test !== node);
}

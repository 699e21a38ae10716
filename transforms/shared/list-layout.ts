// How a new `export { … } from` list is laid out: on one line while it fits the file's width,
// else one name per line, indented and closed the way the file's own multi-line lists are.
import type { ExportNamedDeclaration } from 'jscodeshift';
import type { FileContext } from '../../src/phase-api/define-phase.js';

/** The narrowest width a file is taken to allow; a file with longer lines allows its longest. */
const MIN_WIDTH = 80;

interface Comment {
  type: string;
  value: string;
  leading?: boolean;
}

/**
 * Lays out an export list this run put into the file (with the comments it carries): left on
 * one line when that fits, else replaced by the same statement written one name per line.
 */
export function layOutLikeTheFile(file: FileContext, declaration: ExportNamedDeclaration): void {
  const { j } = file;
  // Printed with the quote the file writes module paths with, as the engine prints the file.
  const quote = /(?:\bfrom|\brequire\(|\bimport\(?)\s*"/.test(file.source) ? 'double' : 'single';
  const comments = (declaration as { comments?: Comment[] | null }).comments ?? [];
  const bare = { ...declaration, comments: null } as ExportNamedDeclaration;
  const oneLine = j(bare).toSource({ quote });
  const lines = file.source.split(/\r?\n/);
  const width = Math.max(MIN_WIDTH, ...lines.map((line) => line.length));
  const specifiers = declaration.specifiers ?? [];
  if (oneLine.length <= width || specifiers.length < 2) return;
  const { indent, trailingComma } = listStyle(lines);
  const names = specifiers.map((specifier) => `${indent}${j(specifier).toSource({ quote })}`);
  const wrapped = `${oneLine.slice(0, oneLine.indexOf('{') + 1)}\n${names.join(',\n')}${trailingComma ? ',' : ''}\n${oneLine.slice(oneLine.lastIndexOf('}'))}`;
  const text = (comment: Comment): string => (comment.type === 'CommentLine' || comment.type === 'Line' ? `//${comment.value}` : `/*${comment.value}*/`);
  const leading = comments.filter((comment) => comment.leading).map((comment) => `${text(comment)}\n`).join('');
  const trailing = comments.filter((comment) => !comment.leading).map((comment) => ` ${text(comment)}`).join('');
  // Parsed from its text, the statement prints as that text wherever it stands; the line breaks
  // around it keep it on lines of its own.
  const replacement = j(`\n${leading}${wrapped}${trailing}\n`).find(j.ExportNamedDeclaration).get().node as ExportNamedDeclaration;
  file.root
    .find(j.ExportNamedDeclaration)
    .filter((path) => path.node === declaration)
    .replaceWith(replacement);
}

/** The indentation and trailing comma of the file's first multi-line import or export list. */
function listStyle(lines: string[]): { indent: string; trailingComma: boolean } {
  const opening = lines.findIndex((line, index) => /^(?:import|export)\b[^;]*\{\s*$/.test(line) && /^[ \t]+\S/.test(lines[index + 1] ?? ''));
  if (opening !== -1) {
    const closing = lines.findIndex((line, index) => index > opening && /^\s*\}/.test(line));
    return { indent: /^[ \t]+/.exec(lines[opening + 1]!)![0], trailingComma: closing === -1 || /,\s*$/.test(lines[closing - 1]!) };
  }
  const indented = lines.map((line) => /^([ \t]+)\S/.exec(line)?.[1]).find((indent) => indent !== undefined);
  return { indent: indented ?? '  ', trailingComma: true };
}

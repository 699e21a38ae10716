// Comments and ordinary strings that name a legacy module are not code: they are listed apart
// as mentions, never rewritten and never counted (the original report's counts were inflated
// by exactly these).
import type { ASTNode } from 'jscodeshift';
import type { Mention, PhaseId } from '../../src/result/types.js';
import type { FileContext } from '../../src/phase-api/define-phase.js';

export function findMentions(file: FileContext, terms: readonly string[], phase: PhaseId, codeLiterals: ReadonlySet<ASTNode>): Mention[] {
  const present = terms.filter((term) => file.source.includes(term));
  if (present.length === 0) return [];
  const pattern = new RegExp(`(?<![A-Za-z0-9_$])(${present.map(escapeRegExp).join('|')})(?![A-Za-z0-9_$])`);
  const { j, root } = file;
  const mentions: Mention[] = [];
  const add = (node: ASTNode, where: Mention['where'], text: string): void => {
    if (!pattern.test(text)) return;
    const start = (node as { loc?: { start: { line: number; column: number } } }).loc?.start;
    mentions.push({ phase, file: file.file, line: start?.line ?? 0, column: (start?.column ?? 0) + 1, where, text: text.trim().slice(0, 120) });
  };
  root.find(j.Comment as never).forEach((path) => {
    // `path.node` is the nearest Node around a comment; the comment itself is `path.value`.
    const comment = path.value as unknown as ASTNode & { value: string };
    add(comment, 'comment', comment.value);
  });
  root.find(j.StringLiteral).forEach(({ node }) => {
    if (!codeLiterals.has(node)) add(node, 'string', node.value);
  });
  root.find(j.TemplateElement).forEach(({ node }) => add(node, 'string', node.value.raw));
  // Comments can be attached to more than one node; report each place once.
  const seen = new Set<string>();
  return mentions
    .filter((mention) => {
      const key = `${mention.line}:${mention.column}:${mention.where}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

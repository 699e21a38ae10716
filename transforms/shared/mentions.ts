// Comments and ordinary strings that name a legacy module or export are not code: they are
// listed apart as mentions, never rewritten and never counted (the original report's counts
// were inflated by exactly these).
//
// A term that is also an English word ("each", "manager") names the code only where the text
// uses it as code: a call `each(`, a file `each.ts`, a member `Foo.each` or `Foo#each`, a path
// `utils/each`, a code span `` `each` ``, a quoted `'each'`, a JSDoc `@see each` or
// `{@link each}`, or a text that is the term alone (`describe('each', …)`). "for each item" is
// prose. Any other term (camelCase, a digit, `_`, `$`, `-`, `/`, `.`) is an identifier wherever
// it stands.
import type { ASTNode } from 'jscodeshift';
import type { Mention, PhaseId } from '../../src/result/types.js';
import type { FileContext } from '../../src/phase-api/define-phase.js';
import { forEachNodeHolding, offsetsOf } from './plain-walk.js';
import { escapeRegExp } from '../../src/shared/term-search.js';

/** How much of the comment or string a mention shows, on one line. */
const EXCERPT_LENGTH = 120;
/** How much text before the term the excerpt keeps when the whole does not fit. */
const EXCERPT_LEAD = 40;
const CODE_SPAN = /`[^`]*`/g;
const WEB_ADDRESS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>)]+/gi;

export function findMentions(file: FileContext, terms: readonly string[], phase: PhaseId, codeLiterals: ReadonlySet<ASTNode>): Mention[] {
  const present = terms.filter((term) => file.source.includes(term));
  if (present.length === 0) return [];
  // Longest first: `utils/each` is one term, not `each` after a slash.
  const alternatives = [...present].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // A hyphen joins too: `each-series` is another module, "each-item" a word.
  const pattern = new RegExp(`(?<![A-Za-z0-9_$-])(?:${alternatives.join('|')})(?![A-Za-z0-9_$-])`, 'g');
  const { root } = file;
  const mentions: Mention[] = [];
  const add = (node: ASTNode, where: Mention['where'], text: string): void => {
    const found = firstUseAsCode(text, pattern);
    if (!found) return;
    const start = (node as { loc?: { start: { line: number; column: number } } }).loc?.start;
    mentions.push({ phase, file: file.file, line: start?.line ?? 0, column: (start?.column ?? 0) + 1, where, text: excerpt(text, found) });
  };
  // Babel lists the file's comments on its File node.
  const tree = root.paths()[0]?.node as (ASTNode & { comments?: Array<ASTNode & { value: string }> | null }) | undefined;
  for (const comment of tree?.comments ?? []) add(comment, 'comment', comment.value);
  if (tree) {
    // Only the strings where a term is written can mention it: the walk skips the rest of the
    // file. A string whose value is spelled otherwise in the text holds an escape or, in JSX, an
    // entity: those places are walked too.
    const written = offsetsOf(file.source, new RegExp(`${alternatives.join('|')}|\\\\|&(?:#\\d+|#x[0-9a-fA-F]+|[A-Za-z]+);`, 'g'));
    forEachNodeHolding(tree, written, (node) => {
      if (node.type === 'StringLiteral' && !codeLiterals.has(node)) add(node, 'string', node.value);
      else if (node.type === 'TemplateElement') add(node, 'string', node.value.raw);
    });
  }
  // Comments can be attached to more than one node; report each place once.
  const seen = new Set<string>();
  return mentions
    .filter((mention) => {
      const key = `${mention.line}:${mention.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

interface Found {
  start: number;
  end: number;
}

function firstUseAsCode(text: string, pattern: RegExp): Found | undefined {
  for (const match of text.matchAll(pattern)) {
    const found = { start: match.index, end: match.index + match[0].length };
    if (!isWord(match[0])) return found;
    // A web address names a page: github.com/nodejs/node/issues is not the module `node`.
    if (!inside(text, WEB_ADDRESS, found.start) && usedAsCode(text, found)) return found;
  }
  return undefined;
}

/** A term prose could use: all lower case, capitalised, or all capitals, letters only. */
function isWord(term: string): boolean {
  return /^(?:[A-Za-z][a-z]*|[A-Z]+)$/.test(term);
}

function usedAsCode(text: string, { start, end }: Found): boolean {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (text.trim() === text.slice(start, end)) return true;
  // each(  each.ts  each.call  each/index
  if (/^(?:\(|\.[A-Za-z]|\/)/.test(after)) return true;
  // Foo.each  Foo#each  utils/each  ./each
  if (/(?:[A-Za-z0-9_$)\]][.#]|\/)$/.test(before)) return true;
  if (/@(?:see|link|linkcode|linkplain)\s+$/.test(before)) return true;
  const quote = before.at(-1);
  if ((quote === "'" || quote === '"') && after.startsWith(quote)) return true;
  return inside(text, CODE_SPAN, start);
}

function inside(text: string, spans: RegExp, index: number): boolean {
  for (const span of text.matchAll(spans)) {
    if (span.index > index) return false;
    if (index < span.index + span[0].length) return true;
  }
  return false;
}

/**
 * The text on one line (a JSDoc block's leading stars and line breaks become single spaces),
 * cut to EXCERPT_LENGTH around the term it names.
 */
function excerpt(text: string, { start, end }: Found): string {
  const flatten = (part: string): string => part.replace(/(^|\n)[ \t]*\*+(?=\s|$)/g, '$1').replace(/\s+/g, ' ');
  let before = flatten(text.slice(0, start)).trimStart();
  const term = text.slice(start, end);
  let after = flatten(text.slice(end)).trimEnd();
  if (before.length + term.length + after.length <= EXCERPT_LENGTH) return before + term + after;
  if (before.length > EXCERPT_LEAD) before = `…${before.slice(-EXCERPT_LEAD + 1).trimStart()}`;
  const room = EXCERPT_LENGTH - before.length - term.length;
  if (after.length > room) after = `${after.slice(0, Math.max(room - 1, 0)).trimEnd()}…`;
  return before + term + after;
}

// What "a rewrite never loses or moves a comment" means, checkable on any input/output pair:
// the output holds the input's comments in the same order, each still beside code (or on a line
// of its own) as it was, and an own-line comment still stands above the same kind of statement,
// unless the statement it stood above is gone.
import { parseSyntax } from '../../src/engine/parsers';

interface CommentPlace {
  text: string;
  /** Code on the comment's line before / after it ('' for a comment on a line of its own). */
  codeBefore: string;
  codeAfter: string;
  /** The first line of code below an own-line comment. */
  nextCodeLine: string;
}

function commentsOf(file: string, text: string): CommentPlace[] {
  const comments = (parseSyntax(file, text).comments ?? []) as Array<{ value: string; start: number; end: number }>;
  return comments.map((comment) => {
    const lineStart = text.lastIndexOf('\n', comment.start - 1) + 1;
    const lineEnd = text.indexOf('\n', comment.end);
    const rest = text.slice(lineEnd === -1 ? text.length : lineEnd + 1);
    return {
      text: comment.value.trim(),
      codeBefore: stripOtherComments(text.slice(lineStart, comment.start)),
      codeAfter: stripOtherComments(text.slice(comment.end, lineEnd === -1 ? text.length : lineEnd)),
      nextCodeLine:
        rest
          .split('\n')
          .map((line) => line.trim())
          .find((line) => line !== '' && !/^(\/\/|\/\*|\*)/.test(line)) ?? '',
    };
  });
}

/** A line's code with comments on it taken out, so two comments on one line do not hide each other. */
function stripOtherComments(text: string): string {
  return text
    .replace(/\/\*.*?\*\//g, '')
    .replace(/\/\/.*$/, '')
    .trim();
}

/** The statement's first word (`import`, `const`, `jest.mock`, `export`…): what kind of code follows. */
function leadingWord(line: string): string {
  return /^[\w$.]+|^\S/.exec(line)?.[0] ?? '';
}

/** Problems with the output's comments, one line each; none when every comment was kept in place. */
export function commentProblems(file: string, input: string, output: string): string[] {
  const before = commentsOf(file, input);
  const after = commentsOf(file, output);
  const texts = (places: CommentPlace[]): string[] => places.map((place) => place.text);
  if (texts(before).join('\0') !== texts(after).join('\0')) {
    const lost = texts(before).filter((text) => !texts(after).includes(text));
    const added = texts(after).filter((text) => !texts(before).includes(text));
    return [`${file}: comments differ (lost: ${JSON.stringify(lost)}, new: ${JSON.stringify(added)}${lost.length + added.length === 0 ? ', order or count changed' : ''})`];
  }
  const problems: string[] = [];
  const outputLines = new Set(output.split('\n').map((line) => line.trim()));
  before.forEach((place, index) => {
    const now = after[index]!;
    const beside = place.codeBefore !== '' || place.codeAfter !== '';
    const besideNow = now.codeBefore !== '' || now.codeAfter !== '';
    if (beside !== besideNow) problems.push(`${file}: "${place.text}" was ${beside ? 'beside code' : 'on a line of its own'}, now ${besideNow ? 'beside code' : 'on a line of its own'}`);
    else if (!beside && place.nextCodeLine !== '' && leadingWord(place.nextCodeLine) !== leadingWord(now.nextCodeLine) && stillThere(place.nextCodeLine, outputLines)) {
      problems.push(`${file}: "${place.text}" stood above \`${place.nextCodeLine}\`, now above \`${now.nextCodeLine}\``);
    }
  });
  return problems;
}

/** Whether a line of the input survives in the output: a comment above a removed statement may stay where it was. */
function stillThere(line: string, outputLines: ReadonlySet<string>): boolean {
  return outputLines.has(line);
}

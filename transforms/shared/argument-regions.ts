// Where each argument of a call stands in the source, separators and comments included: the
// phases that rewrite a call (call templates, wrapper inlining) keep the comments written next to
// an argument with it.
import type { Ranged } from './ast-edits.js';

/** A call or `new` as Babel gives it, as far as finding its arguments needs. */
interface CallNode {
  callee: unknown;
  arguments: unknown[];
  typeParameters?: unknown;
  typeArguments?: unknown;
}

export interface ArgumentRegion {
  /** After the `(` or the previous argument's separator (and its note). */
  start: number;
  /** The argument's separator: its `,`, or the `)` after the last argument. */
  end: number;
  /** A comment after the argument's comma, on its line. */
  note?: string;
  /** Where the next argument's region starts: after the separator and the note. */
  next: number;
}

/**
 * Each argument's stretch of source between its separators, so comments written next to an
 * argument travel with it. Undefined when the separators cannot be found (never for valid code).
 */
export function argumentRegions(call: object, source: string): ArgumentRegion[] | undefined {
  const node = call as CallNode;
  const args = node.arguments as Ranged[];
  const afterCallee = ((node.typeParameters ?? node.typeArguments) as Ranged | undefined)?.end ?? (node.callee as Ranged).end!;
  const open = scanFor(source, afterCallee, '(');
  if (open === undefined) return undefined;
  const regions: ArgumentRegion[] = [];
  let start = open + 1;
  for (const argument of args) {
    const separator = scanFor(source, argument.end!, ',', ')');
    if (separator === undefined) return undefined;
    // `socket, // the same socket`: the note after the comma is about the argument before it.
    const note = source[separator] === ',' ? /^[ \t]*(\/\/[^\n]*|\/\*(?:(?!\*\/)[^\n])*\*\/(?=[ \t]*\r?\n))/.exec(source.slice(separator + 1)) : null;
    const next = separator + 1 + (note ? note[0].length : 0);
    regions.push({ start, end: separator, ...(note ? { note: note[1]! } : {}), next });
    start = next;
  }
  return regions;
}

/** The position of the first of `targets` at or after `from`, skipping whitespace and comments. */
function scanFor(source: string, from: number, ...targets: string[]): number | undefined {
  let position = from;
  while (position < source.length) {
    const char = source[position]!;
    if (targets.includes(char)) return position;
    if (source.startsWith('//', position)) {
      const end = source.indexOf('\n', position);
      position = end === -1 ? source.length : end + 1;
    } else if (source.startsWith('/*', position)) {
      const end = source.indexOf('*/', position + 2);
      position = end === -1 ? source.length : end + 2;
    } else {
      position++;
    }
  }
  return undefined;
}

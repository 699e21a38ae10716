// Where each line of one text went in another (after a reformat, say), so a location reported on
// the first text still points at its code in the second.
import { diffLines } from 'diff';

/**
 * A function from a 1-based line of `before` to its line in `after`. A line the second text
 * rewrote maps to the first line of what replaced it, which is where a reader looks for it.
 */
export function lineMapper(before: string, after: string): (line: number) => number {
  const target: number[] = [0];
  let next = 1;
  for (const change of diffLines(before, after)) {
    const count = change.count ?? 0;
    if (change.added) {
      next += count;
    } else if (change.removed) {
      for (let index = 0; index < count; index++) target.push(next);
    } else {
      for (let index = 0; index < count; index++) target.push(next + index);
      next += count;
    }
  }
  return (line) => target[line] ?? line;
}

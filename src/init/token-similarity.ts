// How alike two token sequences are: the Dice coefficient of their token pairs (bigrams),
// counted with repeats. 1 for the same sequence, near 1 for a copy with a line changed, and
// well below for two functions that only share the language's punctuation.

/** The sequence's bigrams with their counts: computed once per declaration, compared many times. */
export function bigramCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + 1 < tokens.length; index++) {
    const pair = `${tokens[index]}\u0000${tokens[index + 1]}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

export function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  for (const count of a.values()) sizeA += count;
  for (const count of b.values()) sizeB += count;
  if (sizeA + sizeB === 0) return 1;
  const [smaller, larger] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [pair, count] of smaller) shared += Math.min(count, larger.get(pair) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

// The engine parses a file's body: its text without a BOM and without a shebang line. The type
// checker sees the whole text (without a BOM: TypeScript drops it when reading). Verdicts found
// with the checker are keyed by where babel will see the node: line (1-based) and column
// (0-based) in the body.

/** The text the engine parses, from the text TypeScript read. */
export function bodyOf(text: string): string {
  const rest = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!rest.startsWith('#!')) return rest;
  const end = rest.indexOf('\n');
  return end === -1 ? '' : rest.slice(end + 1);
}

/** Turns offsets in the checker's text into body positions, counting lines once. */
export class BodyPositions {
  private readonly lineStarts: number[] = [0];
  private readonly skipped: number;

  constructor(checkerText: string) {
    const body = bodyOf(checkerText);
    this.skipped = checkerText.length - body.length;
    for (let index = body.indexOf('\n'); index !== -1; index = body.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
  }

  /** Babel's `loc.start` of a node starting at `offset` in the checker's text. */
  at(offset: number): { line: number; column: number } {
    const position = offset - this.skipped;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: position - this.lineStarts[low]! };
  }
}

export function positionKey(position: { line: number; column: number }): string {
  return `${position.line}:${position.column}`;
}

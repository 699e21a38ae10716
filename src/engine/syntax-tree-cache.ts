// The phases' preparation parses files (to find facades and what blocks them, to read a module's
// exports) that the engine visits again later in the same run. Their trees are kept for that
// visit, so a file is parsed once per run. Trees are large (about 60 bytes of heap per character
// of source), so only as much source as the budget allows is kept: the first trees parsed, which
// the visits, in the same file order, take first.
import { fileKindOf, parseSyntax, type SyntaxTree } from './parsers.js';

/** Characters of source whose trees a run keeps: about 60 MiB of trees. */
const DEFAULT_BUDGET = 1_000_000;

export class SyntaxTreeCache {
  private readonly trees = new Map<string, { kind: string; tree: SyntaxTree }>();
  private kept = 0;

  constructor(private readonly budget = DEFAULT_BUDGET) {}

  /** The tree of `text` parsed as `file`'s kind, kept for a later `take` while the budget allows. Throws as the parser does. */
  parse(file: string, text: string): SyntaxTree {
    const kind = fileKindOf(file);
    const entry = this.trees.get(text);
    if (entry?.kind === kind) return entry.tree;
    const tree = parseSyntax(file, text);
    if (!entry && this.kept + text.length <= this.budget) {
      this.trees.set(text, { kind, tree });
      this.kept += text.length;
    }
    return tree;
  }

  /**
   * The tree a preparation kept for `text`, given up by the cache (the visit may be the last
   * reader, and a run's visits must not hold every tree), or a fresh parse.
   */
  take(file: string, text: string): SyntaxTree {
    const entry = this.trees.get(text);
    if (entry?.kind !== fileKindOf(file)) return parseSyntax(file, text);
    this.trees.delete(text);
    this.kept -= text.length;
    return entry.tree;
  }
}

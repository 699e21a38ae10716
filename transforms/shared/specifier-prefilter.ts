// The second stage of the text prefilter. A term such as `src'` or `'.'` (how an index module is
// spelled) appears in far more files than import that module: on a six-repository corpus, 3,385
// files passed the terms where 310 named the module. So a file that passes the terms also needs
// a quoted string containing a term that resolves to a module of the migration. Any string counts
// (not only import paths): a superset of the references an AST walk finds, at the cost of a
// regex and a cached resolution instead of a parse.
import type { ProjectServices } from '../../src/phase-api/define-phase.js';
import { containsAnyTerm } from '../../src/shared/term-search.js';

/** A quoted string on one line, its text in group 2. */
export const QUOTED = /(['"])([^'"\n\\]{1,400})\1/g;

export function namesModuleOf(text: string, file: string, terms: readonly string[], project: ProjectServices, concerns: (key: string) => boolean): boolean {
  if (!containsAnyTerm(text, terms)) return false;
  for (const match of text.matchAll(QUOTED)) {
    // Terms end with the closing quote where they are file names, so test the quoted form.
    if (!containsAnyTerm(match[0], terms)) continue;
    if (concerns(project.resolve(match[2]!, file).key)) return true;
  }
  return false;
}

// Whether a text contains any of a list of terms: the first test of every prefilter, run on every
// file of the repo. One regular expression of all the terms reads the text once; a `some` of
// `includes` reads it once per term, and a file that names none (most files) pays for all of them.
// On a 73 MB corpus with 24 terms: 140 ms against 710 ms.

/** Each list's expression, compiled once: by the list itself, and by its terms for a caller that builds the list anew each time. */
const byList = new WeakMap<readonly string[], RegExp>();
const byTerms = new Map<string, RegExp>();
/** Enough for every list of a run; a run that makes more starts over rather than grow. */
const MOST_LISTS = 1000;

export function containsAnyTerm(text: string, terms: readonly string[]): boolean {
  if (terms.length <= 1) return terms.length === 1 && text.includes(terms[0]!);
  let search = byList.get(terms);
  if (!search) {
    const key = terms.join('\0');
    search = byTerms.get(key);
    if (!search) {
      if (byTerms.size >= MOST_LISTS) byTerms.clear();
      byTerms.set(key, (search = new RegExp(terms.map(escapeRegExp).join('|'))));
    }
    byList.set(terms, search);
  }
  return search.test(text);
}

/** The text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

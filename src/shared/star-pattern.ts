// Patterns with one `*`, as tsconfig `paths`, package.json `exports` and config module families
// write them: `@app/*`, `./dist/*.js`, `@material-ui/core/*`.

/** What `*` stands for when `text` is `prefix`, then anything, then `suffix` (the two never overlap); undefined when it is not. */
export function starMatch(prefix: string, suffix: string, text: string): string | undefined {
  if (text.length < prefix.length + suffix.length || !text.startsWith(prefix) || !text.endsWith(suffix)) return undefined;
  return text.slice(prefix.length, text.length - suffix.length);
}

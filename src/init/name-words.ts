// Names as words: `UnifiedWebSocketManager` is a Manager, `WebSocketManagerFactoryV2` a Factory.
// The last word of a class name says what kind of thing it is, which is how a family of
// competing implementations shows itself.

/** The camel-case words of a name, a trailing version (`V2`, `2`) dropped. */
export function wordsOf(name: string): string[] {
  const words = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
  while (words.length > 1 && /^(V?[0-9]+|V)$/i.test(words[words.length - 1]!)) words.pop();
  return words;
}

/** The family of a PascalCase name: its last word (`Manager`); undefined for other names. */
export function familyOf(name: string): string | undefined {
  if (!/^[A-Z]/.test(name)) return undefined;
  return wordsOf(name).at(-1);
}

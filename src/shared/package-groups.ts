// Package names that are one module (config `specifiers.groups`, as a bundler alias makes them):
// each group is keyed by its first name, and looked for under every name.

/** `lodash` of `lodash/debounce`, `@scope/ui` of `@scope/ui/button`; undefined for a path. */
function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  return specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
}

/** The specifier as its group is keyed: `lodash-es/debounce` → `lodash/debounce`. */
export function groupKeyOf(specifier: string, groups: ReadonlyArray<readonly string[]>): string {
  const name = packageNameOf(specifier);
  const group = name === undefined ? undefined : groups.find((names) => names.includes(name));
  return group ? group[0]! + specifier.slice(name!.length) : specifier;
}

/** Every spelling of a group-keyed specifier: `lodash/debounce` → `lodash/debounce`, `lodash-es/debounce`. */
export function groupSpellingsOf(key: string, groups: ReadonlyArray<readonly string[]>): string[] {
  const name = packageNameOf(key);
  const group = name === undefined ? undefined : groups.find((names) => names[0] === name);
  return group ? group.map((member) => member + key.slice(name!.length)) : [key];
}

// What a package specifier names: its package, a subpath of it, and the packages that are one
// module (config `specifiers.groups`, as a bundler alias makes them), each group keyed by its
// first name and looked for under every name.

/** `lodash` of `lodash/debounce`, `@scope/ui` of `@scope/ui/button`; undefined for a path. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  return specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
}

/** `lib/Thing.js`, `@scope/ui/button`: a module inside a package, not the package itself or a built-in. */
export function isPackageSubpath(specifier: string): boolean {
  const name = packageNameOf(specifier);
  return name !== undefined && name !== specifier && !specifier.startsWith('node:');
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

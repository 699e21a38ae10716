// The parts of a module specifier around its path, which bundlers add and resolution ignores.

/**
 * A bundler's loader prefix (`!!raw-loader!`, `style!css!`) and a query or hash suffix (`?raw`,
 * `?url`, `#x`) around the module path: kept as written, and left out of resolution.
 */
export function splitSpecifier(specifier: string): { prefix: string; path: string; suffix: string } {
  const loaders = /^(?:-!|!!|!)?(?:[^!\s]+!)+/.exec(specifier)?.[0] ?? '';
  const rest = specifier.slice(loaders.length);
  const query = /[?#].*$/.exec(rest);
  // `#` starts a package `imports` specifier (`#internal/x`): only after a path is it a suffix.
  const suffix = query && query.index > 0 ? query[0] : '';
  return { prefix: loaders, path: rest.slice(0, rest.length - suffix.length), suffix };
}

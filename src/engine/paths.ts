// Path helpers: repo-relative paths are always posix, whatever the platform.
import path from 'node:path';

export function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}

/** True when `target` is `root` itself or lies inside it. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The repo-relative posix path of a file TypeScript found, or undefined when it is outside the
 * repo or in node_modules (a workspace package's link resolves to the repo file behind it).
 */
export function repoFileOf(root: string, absolute: string): string | undefined {
  const relative = toPosix(path.relative(root, absolute));
  return relative.startsWith('../') || path.isAbsolute(relative) || relative.split('/').includes('node_modules') ? undefined : relative;
}

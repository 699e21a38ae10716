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

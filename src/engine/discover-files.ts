// Lists the files in scope: include/exclude globs, .gitignore respected at every level,
// node_modules and .git never entered. Symlinked files and folders are not followed, so
// the walk cannot leave the repo root.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { IN_SCOPE_EXTENSIONS } from '../shared/file-extensions.js';

export interface DiscoverOptions {
  repoRoot: string;
  include: readonly string[];
  exclude: readonly string[];
}

const NEVER_ENTERED = new Set(['node_modules', '.git', '.ssot']);

interface IgnoreScope {
  /** Folder of the .gitignore, repo-relative ('' for the root). */
  base: string;
  rules: Ignore;
}

/** Repo-relative posix paths of the source files in scope, sorted. */
export function discoverFiles(options: DiscoverOptions): string[] {
  const isIncluded = picomatch(options.include as string[], { dot: true });
  const isExcluded = options.exclude.length > 0 ? picomatch(options.exclude as string[], { dot: true }) : () => false;
  const found: string[] = [];

  const walk = (relativeDir: string, scopes: IgnoreScope[]): void => {
    const absoluteDir = path.join(options.repoRoot, relativeDir);
    const here = readGitignore(absoluteDir, relativeDir);
    const active = here ? [...scopes, here] : scopes;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absoluteDir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (NEVER_ENTERED.has(entry.name) || isIgnored(active, relative + '/')) continue;
        walk(relative, active);
      } else if (entry.isFile()) {
        if (!IN_SCOPE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) continue;
        if (!isIncluded(relative) || isExcluded(relative) || isIgnored(active, relative)) continue;
        found.push(relative);
      }
    }
  };
  walk('', []);
  return found.sort();
}

function readGitignore(absoluteDir: string, relativeDir: string): IgnoreScope | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(absoluteDir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: relativeDir, rules: ignore().add(text) };
}

function isIgnored(scopes: IgnoreScope[], relative: string): boolean {
  for (const scope of scopes) {
    const local = scope.base ? relative.slice(scope.base.length + 1) : relative;
    if (scope.rules.ignores(local)) return true;
  }
  return false;
}

// The repo as the phases see it: files in scope, module resolution, and reading and parsing
// with one text cache.
import fs from 'node:fs';
import path from 'node:path';
import jscodeshift from 'jscodeshift';
import type { SsotConfig } from '../config/schema.js';
import type { ProjectServices } from '../../transforms/utils/define-phase.js';
import { discoverFiles } from './discover-files.js';
import { ModuleResolver } from './module-resolver.js';
import { jscodeshiftFor } from './parsers.js';
import { openSource } from './source-text.js';
import { decodeSource } from './read-source.js';

export interface ProjectOptions {
  repoRoot: string;
  config: SsotConfig;
}

export function createProject({ repoRoot, config }: ProjectOptions): ProjectServices {
  const root = path.resolve(repoRoot);
  const resolver = new ModuleResolver({ repoRoot: root, ...(config.tsconfig ? { tsconfigPath: config.tsconfig } : {}) });
  const files = discoverFiles({ repoRoot: root, include: config.include, exclude: config.exclude });
  const texts = new Map<string, string | undefined>();

  const problems = new Map<string, string>();
  const readFile = (file: string): string | undefined => {
    if (texts.has(file)) return texts.get(file);
    let text: string | undefined;
    try {
      const read = decodeSource(fs.readFileSync(path.join(root, file)));
      if ('text' in read) text = read.text;
      else problems.set(file, read.problem);
    } catch (error) {
      problems.set(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); skipped`);
    }
    texts.set(file, text);
    return text;
  };

  const packages = new Map<string, { root: string; name: string | undefined } | undefined>();
  const packageOf = (file: string): { root: string; name: string | undefined } | undefined => {
    const folder = path.posix.dirname(file);
    const key = folder === '.' ? '' : folder;
    if (packages.has(key)) return packages.get(key);
    let found: { root: string; name: string | undefined } | undefined;
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, key, 'package.json'), 'utf8')) as { name?: unknown };
      found = { root: key, name: typeof manifest.name === 'string' ? manifest.name : undefined };
    } catch {
      found = key === '' ? undefined : packageOf(path.posix.dirname(key) === '.' ? 'x' : `${path.posix.dirname(key)}/x`);
    }
    packages.set(key, found);
    return found;
  };

  return {
    repoRoot: root,
    packageOf,
    config,
    files,
    resolve: (specifier, fromFile) => resolver.resolve(specifier, fromFile),
    resolveConfigModule: (name, field) => resolver.resolveConfigModule(name, field),
    aliases: resolver.aliases,
    baseUrl: resolver.baseUrl,
    readFile,
    readProblem: (file) => problems.get(file),
    // Not cached: callers keep what they derive, and the trees of a whole repo do not fit in memory.
    parseFile(file) {
      const text = readFile(file);
      if (text === undefined) return undefined;
      try {
        return jscodeshiftFor(file)(openSource(text).body);
      } catch {
        return undefined;
      }
    },
    j: jscodeshift,
  };
}

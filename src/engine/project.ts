// The repo as the phases see it: files in scope, module resolution, and reading and parsing
// with one cache, so a file the cross-file analysis parsed is not parsed again for nothing.
import fs from 'node:fs';
import path from 'node:path';
import jscodeshift from 'jscodeshift';
import type { Collection } from 'jscodeshift';
import type { SsotConfig } from '../config/schema.js';
import type { ProjectServices } from '../../transforms/utils/define-phase.js';
import { discoverFiles } from './discover-files.js';
import { ModuleResolver } from './module-resolver.js';
import { jscodeshiftFor } from './parsers.js';
import { openSource } from './source-text.js';

export interface ProjectOptions {
  repoRoot: string;
  config: SsotConfig;
}

export function createProject({ repoRoot, config }: ProjectOptions): ProjectServices {
  const root = path.resolve(repoRoot);
  const resolver = new ModuleResolver({ repoRoot: root, ...(config.tsconfig ? { tsconfigPath: config.tsconfig } : {}) });
  const files = discoverFiles({ repoRoot: root, include: config.include, exclude: config.exclude });
  const texts = new Map<string, string | undefined>();
  const parsed = new Map<string, Collection | undefined>();

  const readFile = (file: string): string | undefined => {
    if (texts.has(file)) return texts.get(file);
    let text: string | undefined;
    try {
      text = fs.readFileSync(path.join(root, file), 'utf8');
    } catch {
      text = undefined;
    }
    texts.set(file, text);
    return text;
  };

  return {
    repoRoot: root,
    config,
    files,
    resolve: (specifier, fromFile) => resolver.resolve(specifier, fromFile),
    resolveConfigModule: (name, field) => resolver.resolveConfigModule(name, field),
    aliases: resolver.aliases,
    baseUrl: resolver.baseUrl,
    readFile,
    parseFile(file) {
      if (parsed.has(file)) return parsed.get(file);
      const text = readFile(file);
      let collection: Collection | undefined;
      if (text !== undefined) {
        try {
          collection = jscodeshiftFor(file)(openSource(text).body);
        } catch {
          collection = undefined;
        }
      }
      parsed.set(file, collection);
      return collection;
    },
    j: jscodeshift,
  };
}

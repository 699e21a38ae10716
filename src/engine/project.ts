// The repo as the phases see it: files in scope, module resolution, and reading and parsing
// with one text cache.
import fs from 'node:fs';
import path from 'node:path';
import jscodeshift, { type ASTNode, type Collection } from 'jscodeshift';
import type { SsotConfig } from '../config/schema.js';
import type { ModuleRecord, ProjectServices, TypeServices } from '../phase-api/define-phase.js';
import type { PhaseId } from '../result/types.js';
import { discoverFiles } from './discover-files.js';
import { moduleView } from './embedded-scripts.js';
import { formerTexts, type FormerText } from './journal.js';
import { readModuleRecord } from './module-records.js';
import { ModuleResolver } from './module-resolver.js';
import { jscodeshiftFor, parseSyntax } from './parsers.js';
import { openSource } from './source-text.js';
import { SyntaxTreeCache } from './syntax-tree-cache.js';
import { decodeSource } from './read-source.js';
import { createTypeServices } from './type-project.js';

export interface ProjectOptions {
  repoRoot: string;
  config: SsotConfig;
}

export function createProject({ repoRoot, config }: ProjectOptions): ProjectServices {
  const root = path.resolve(repoRoot);
  const resolver = new ModuleResolver({ repoRoot: root, groups: config.specifiers.groups, ...(config.tsconfig ? { tsconfigPath: config.tsconfig } : {}) });
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

  type PackageInfo = { root: string; name: string | undefined };
  const packages = new Map<string, PackageInfo | undefined>();
  /** The nearest package.json at or above a repo folder ('' is the root), cached per folder. */
  const packageOfFolder = (folder: string): PackageInfo | undefined => {
    if (packages.has(folder)) return packages.get(folder);
    let found: PackageInfo | undefined;
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, folder, 'package.json'), 'utf8')) as { name?: unknown };
      found = { root: folder, name: typeof manifest.name === 'string' ? manifest.name : undefined };
    } catch {
      found = folder === '' ? undefined : packageOfFolder(parentFolder(folder));
    }
    packages.set(folder, found);
    return found;
  };
  const packageOf = (file: string): PackageInfo | undefined => packageOfFolder(parentFolder(file));

  /** The code the parsers read of a file, and the file kind it parses as: a component file's code blocks (see moduleView). */
  const codeOf = (file: string, text = readFile(file)): { parseAs: string; source: string } | undefined => {
    const view = text === undefined ? undefined : moduleView(file, text);
    return view === undefined ? undefined : { parseAs: view.parseAs, source: openSource(view.code).body };
  };

  const inScope = new Set(files);
  const trees = new SyntaxTreeCache();
  const parseSyntaxTree = (file: string, former?: string): ReturnType<ProjectServices['parseSyntaxTree']> => {
    const code = codeOf(file, former);
    if (code === undefined) return undefined;
    const j = jscodeshiftFor(code.parseAs);
    try {
      const reparse = (edited: string): Collection => j(parseSyntax(code.parseAs, edited) as unknown as ASTNode);
      // Only a file the run visits, as it is, gives its tree to the visit: keep no other.
      const tree = former === undefined && inScope.has(file) ? trees.parse(code.parseAs, code.source) : parseSyntax(code.parseAs, code.source);
      return { source: code.source, root: j(tree as unknown as ASTNode), j, reparse };
    } catch {
      return undefined;
    }
  };

  const records = new Map<string, ModuleRecord | undefined>();
  const moduleRecord = (file: string): ModuleRecord | undefined => {
    if (records.has(file)) return records.get(file);
    const code = codeOf(file);
    const record = code === undefined ? undefined : readModuleRecord(code.parseAs, code.source);
    records.set(file, record);
    return record;
  };

  let types: TypeServices | undefined;
  /** One file of each package folder of the scope, first in path order. */
  let packageFiles: string[] | undefined;
  const formerByPhase: Partial<Record<PhaseId, FormerText[]>> = {};
  let outside: string[] | undefined;
  const project: ProjectServices = {
    repoRoot: root,
    packageOf,
    config,
    files,
    filesOutsideScope: () => (outside ??= discoverFiles({ repoRoot: root, include: ['**/*'], exclude: [] }).filter((file) => !inScope.has(file))),
    resolve: (specifier, fromFile) => resolver.resolve(specifier, fromFile),
    resolveConfigModule: (name, field) => {
      const resolved = resolver.resolveConfigModule(name, field);
      if (resolved.isFile) return resolved;
      // pnpm links a workspace package only into the packages that depend on it, not at the root:
      // the name means the repo file it resolves to from any of them.
      packageFiles ??= [...new Map([...files].reverse().map((file) => [packageOf(file)?.root, file])).values()];
      for (const file of packageFiles) {
        const there = resolver.resolve(name, file);
        if (there.isFile) return there;
      }
      return resolved;
    },
    aliases: resolver.aliases,
    baseUrl: resolver.baseUrl,
    readFile,
    readProblem: (file) => problems.get(file),
    // Not cached: callers keep what they derive, and the trees of a whole repo do not fit in memory.
    parseFile(file) {
      return parseSyntaxTree(file)?.root;
    },
    parseSyntaxTree,
    moduleRecord,
    formerTexts: (phase) => (formerByPhase[phase] ??= formerTexts(root, phase)),
    types: () => (types ??= createTypeServices(root, config.tsconfig)),
    j: jscodeshift,
  };
  syntaxTrees.set(project, trees);
  return project;
}

const syntaxTrees = new WeakMap<ProjectServices, SyntaxTreeCache>();

/** The trees a project's readers parsed, for the engine's visit of the same files (see SyntaxTreeCache). */
export function syntaxTreesOf(project: ProjectServices): SyntaxTreeCache | undefined {
  return syntaxTrees.get(project);
}

/** The repo-relative folder of a repo path, '' for the root. */
function parentFolder(relative: string): string {
  const folder = path.posix.dirname(relative);
  return folder === '.' ? '' : folder;
}

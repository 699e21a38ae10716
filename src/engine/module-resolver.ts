// Resolves module specifiers the way TypeScript does (relative paths, tsconfig `paths` and
// `baseUrl`, index files, `.js` written for a `.ts` file), so a legacy path is recognised
// however a file spells it. Repo files are keyed by repo-relative path; anything else
// (node_modules, outside the repo, unresolvable) is keyed by its specifier.
import path from 'node:path';
import fs from 'node:fs';
import ts from 'typescript';
import { SsotError } from '../errors.js';
import { isInside, repoFileOf, toPosix } from './paths.js';
import { EXTENSION_AT_END, RESOLVABLE_EXTENSIONS } from '../shared/file-extensions.js';
import type { PathAlias, ResolvedModule } from '../phase-api/define-phase.js';

export type { PathAlias, ResolvedModule };

export interface ModuleResolverOptions {
  repoRoot: string;
  tsconfigPath?: string;
}

export class ModuleResolver {
  readonly repoRoot: string;
  readonly compilerOptions: ts.CompilerOptions;
  readonly aliases: PathAlias[];
  /** baseUrl relative to the repo root, when the tsconfig sets one. */
  readonly baseUrl: string | undefined;
  private readonly cache = new Map<string, ResolvedModule>();
  private readonly tsCache: ts.ModuleResolutionCache;

  constructor(options: ModuleResolverOptions) {
    this.repoRoot = path.resolve(options.repoRoot);
    this.compilerOptions = readCompilerOptions(this.repoRoot, options.tsconfigPath);
    this.tsCache = ts.createModuleResolutionCache(this.repoRoot, (name) => name, this.compilerOptions);
    const pathsBase = this.compilerOptions.pathsBasePath as string | undefined;
    const baseDir = this.compilerOptions.baseUrl ?? pathsBase ?? this.repoRoot;
    this.baseUrl = this.compilerOptions.baseUrl ? toPosix(path.relative(this.repoRoot, this.compilerOptions.baseUrl)) : undefined;
    this.aliases = Object.entries(this.compilerOptions.paths ?? {}).map(([pattern, targets]) => ({
      pattern,
      targets: targets.map((target) => toPosix(path.relative(this.repoRoot, path.resolve(baseDir, target)))),
    }));
  }

  /** Resolves `specifier` as written in the repo file `fromFile` (repo-relative). */
  resolve(specifier: string, fromFile: string): ResolvedModule {
    const fromDir = path.posix.dirname(fromFile);
    // Keyed by folder: package `imports`, nested node_modules and per-package tsconfigs make a
    // bare specifier mean different things in different places (TypeScript's cache shares work).
    const cacheKey = `${fromDir}\0${specifier}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const containing = path.join(this.repoRoot, fromFile);
    const { resolvedModule } = ts.resolveModuleName(specifier, containing, this.compilerOptions, ts.sys, this.tsCache);
    let result: ResolvedModule = { key: specifier, isFile: false };
    if (resolvedModule) {
      // A workspace package linked into node_modules resolves (through the symlink) to a file
      // of the repo: that file is what the specifier means.
      const file = repoFileOf(this.repoRoot, resolvedModule.resolvedFileName);
      if (file) result = { key: file, isFile: true };
    }
    this.cache.set(cacheKey, result);
    return result;
  }

  /**
   * Resolves a module named in the config: a repo path (`src/a.ts`, `src/dir`), or a
   * specifier resolved from the repo root (a `paths` alias or a package).
   */
  resolveConfigModule(name: string, field: string): ResolvedModule {
    if ((name.startsWith('.') || name.startsWith('/')) && !isInside(this.repoRoot, path.resolve(this.repoRoot, name))) {
      throw new SsotError('CONFIG_INVALID', `${field}: "${name}" is outside the repo ${this.repoRoot}`);
    }
    const direct = this.findRepoFile(name.replace(/^\.\//, ''));
    if (direct) return { key: direct, isFile: true };
    const looksLikePath = name.startsWith('.') || name.startsWith('/') || EXTENSION_AT_END.test(name);
    if (looksLikePath) {
      throw new SsotError('MODULE_NOT_FOUND', `${field}: no file "${name}" in the repo ${this.repoRoot}`);
    }
    return this.resolve(name, 'ssot.config.json');
  }

  private findRepoFile(relative: string): string | undefined {
    const absolute = path.resolve(this.repoRoot, relative);
    if (!absolute.startsWith(this.repoRoot + path.sep)) return undefined;
    const candidates = [absolute, ...RESOLVABLE_EXTENSIONS.map((ext) => absolute + ext), ...RESOLVABLE_EXTENSIONS.map((ext) => path.join(absolute, 'index' + ext))];
    const found = candidates.find((candidate) => isFile(candidate));
    return found ? toPosix(path.relative(this.repoRoot, found)) : undefined;
  }
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function readCompilerOptions(repoRoot: string, tsconfigPath: string | undefined): ts.CompilerOptions {
  const configFile = tsconfigPath ? path.resolve(repoRoot, tsconfigPath) : path.join(repoRoot, 'tsconfig.json');
  const defaults: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowJs: true };
  if (!fs.existsSync(configFile)) {
    if (tsconfigPath) throw new SsotError('TSCONFIG_INVALID', `${tsconfigPath}: no such tsconfig`);
    return defaults;
  }
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) {
    throw new SsotError('TSCONFIG_INVALID', `${toPosix(path.relative(repoRoot, configFile))}: ${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')}`);
  }
  // Only compiler options matter here: a host that lists no directories keeps
  // `include` globbing from walking a large repo.
  const host: ts.ParseConfigHost = { ...ts.sys, readDirectory: () => [] };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(configFile), undefined, configFile);
  const options = { ...parsed.options, allowJs: true };
  // Resolution must still see `.ts` files for `.js` specifiers and index files, whatever `module` says.
  if (options.moduleResolution === undefined) options.moduleResolution = ts.ModuleResolutionKind.Node10;
  return options;
}

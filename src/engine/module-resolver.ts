// Resolves module specifiers the way TypeScript does (relative paths, tsconfig `paths` and
// `baseUrl`, `extends`, index files, `.js` written for a `.ts` file, package `exports`), so a
// legacy path is recognised however a file spells it. Repo files are keyed by repo-relative
// path; anything else (node_modules, outside the repo, unresolvable) is keyed by its specifier.
// A native resolver (oxc-resolver) does the work, so a syntactic run never loads TypeScript.
import path from 'node:path';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import { createPathsMatcher, parseTsconfig, type TsConfigResult } from 'get-tsconfig';
import { ResolverFactory } from 'oxc-resolver';
import { SsotError } from '../errors.js';
import { isInside, repoFileOf, toPosix } from './paths.js';
import { EXTENSION_AT_END, RESOLVABLE_EXTENSIONS, isModuleFile, stripExtension } from '../shared/file-extensions.js';
import type { PathAlias, ResolvedModule } from '../phase-api/define-phase.js';
import { groupKeyOf, isPackageSubpath } from '../shared/package-names.js';
import { splitSpecifier } from '../shared/specifier-parts.js';

export type { PathAlias, ResolvedModule };

export interface ModuleResolverOptions {
  repoRoot: string;
  tsconfigPath?: string;
  /** Package names that are one module (config `specifiers.groups`): each is keyed as its group's first. */
  groups?: ReadonlyArray<readonly string[]>;
}

export class ModuleResolver {
  readonly repoRoot: string;
  /** The repo root with symlinks resolved: the resolver answers with real paths. */
  private readonly realRoot: string;
  readonly aliases: PathAlias[];
  /** baseUrl relative to the repo root, when the tsconfig sets one. */
  readonly baseUrl: string | undefined;
  private readonly cache = new Map<string, ResolvedModule>();
  private readonly resolver: ResolverFactory;
  private readonly groups: ReadonlyArray<readonly string[]>;

  constructor(options: ModuleResolverOptions) {
    this.repoRoot = path.resolve(options.repoRoot);
    this.realRoot = fs.realpathSync(this.repoRoot);
    const tsconfig = readTsconfig(this.repoRoot, options.tsconfigPath);
    const baseUrl = tsconfig?.config.compilerOptions?.baseUrl;
    this.baseUrl = baseUrl !== undefined ? toPosix(path.relative(this.repoRoot, path.resolve(path.dirname(tsconfig!.path), baseUrl))) : undefined;
    this.aliases = tsconfig ? aliasesOf(tsconfig, this.repoRoot) : [];
    this.groups = options.groups ?? [];
    this.resolver = new ResolverFactory({
      // A reference whose tsconfig is missing (a submodule not checked out) makes the native
      // resolver fail every lookup; without references the root tsconfig still applies.
      ...(tsconfig ? { tsconfig: { configFile: tsconfig.path, ...(referencesExist(tsconfig) ? { references: 'auto' as const } : {}) } } : {}),
      extensions: [...RESOLVABLE_EXTENSIONS],
      // A `.js` specifier names the `.ts` file it compiles from, as TypeScript reads it.
      extensionAlias: {
        '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
        '.jsx': ['.tsx', '.jsx'],
        '.mjs': ['.mts', '.d.mts', '.mjs'],
        '.cjs': ['.cts', '.d.cts', '.cjs'],
      },
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'typings', 'module', 'main'],
    });
  }

  /** Resolves `specifier` as written in the repo file `fromFile` (repo-relative). */
  resolve(specifier: string, fromFile: string): ResolvedModule {
    const fromDir = path.posix.dirname(fromFile);
    // Keyed by folder: package `imports`, nested node_modules and per-package tsconfigs make a
    // bare specifier mean different things in different places (TypeScript's cache shares work).
    const cacheKey = `${fromDir}\0${specifier}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    // `!!raw-loader!./x` and `./x?raw` name the module `./x`.
    const bare = splitSpecifier(specifier).path;
    const resolved = this.resolver.sync(path.join(this.repoRoot, fromDir), bare).path;
    // A package installed under a built-in's name (a browser polyfill of `events`) is that package.
    let result: ResolvedModule = this.packageModule(specifier, resolved ? undefined : builtinKey(bare));
    if (resolved) {
      const file = this.repoFileAt(resolved);
      // Only source and component modules take part in a migration (TypeScript reads a `.json`
      // import only with resolveJsonModule); a component is imported by its full name (`./Button.vue`).
      if (file && isModuleFile(file)) result = { key: file, isFile: true };
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
    // With an extension, `src/a.ts` is a repo path (a misspelt one is an error, not a package);
    // `lib/Thing.js` is a package subpath when that package is installed, and so is a scoped one.
    const extension = EXTENSION_AT_END.exec(name)?.[0];
    const packageSubpath = extension !== undefined && /\.[cm]?jsx?$/.test(extension) && (name.startsWith('@') || this.isInstalledPackage(name));
    const looksLikePath = name.startsWith('.') || name.startsWith('/') || (extension !== undefined && !packageSubpath);
    if (looksLikePath) {
      throw new SsotError('MODULE_NOT_FOUND', `${field}: no file "${name}" in the repo ${this.repoRoot}`);
    }
    return this.resolve(name, 'ssot.config.json');
  }

  /**
   * A package module. A subpath is one module with or without its extension (`lib/Thing.js`,
   * `lib/Thing`), so its key has none; the package name itself keeps its dots (`chart.js`). A
   * package of a configured group is keyed as the group's first (`lodash-es/debounce` → `lodash/debounce`).
   */
  private packageModule(specifier: string, builtin: string | undefined): ResolvedModule {
    if (builtin) return { key: builtin, isFile: false };
    const key = groupKeyOf(packageKey(specifier), this.groups);
    return key === specifier ? { key, isFile: false } : { key, isFile: false, specifier };
  }

  /** Whether a bare specifier resolves, from the repo root, to a file outside the repo's sources (node_modules). */
  private isInstalledPackage(specifier: string): boolean {
    const resolved = this.resolver.sync(this.repoRoot, specifier).path;
    return resolved !== undefined && this.repoFileAt(resolved) === undefined;
  }

  /**
   * The repo file at a resolved path. A workspace package linked into node_modules resolves
   * (through the symlink) to a file of the repo: that file is what the specifier means.
   */
  private repoFileAt(resolved: string): string | undefined {
    return repoFileOf(this.realRoot, resolved) ?? repoFileOf(this.repoRoot, resolved);
  }

  private findRepoFile(relative: string): string | undefined {
    const absolute = path.resolve(this.repoRoot, relative);
    if (!absolute.startsWith(this.repoRoot + path.sep)) return undefined;
    const candidates = [absolute, ...RESOLVABLE_EXTENSIONS.map((ext) => absolute + ext), ...RESOLVABLE_EXTENSIONS.map((ext) => path.join(absolute, 'index' + ext))];
    const found = candidates.find((candidate) => isFile(candidate));
    return found ? toPosix(path.relative(this.repoRoot, found)) : undefined;
  }
}

/** How a package specifier is keyed: a subpath without its extension. Loader parts make a module of its own. */
export function packageKey(specifier: string): string {
  const parts = splitSpecifier(specifier);
  if (parts.prefix !== '' || parts.suffix !== '' || !isPackageSubpath(specifier)) return specifier;
  return stripExtension(specifier);
}

/**
 * A Node built-in is one module however it is spelled: `fs` and `node:fs` are both keyed
 * `node:fs`, so a config naming either matches both and an import of one is merged with the other.
 */
export function builtinKey(specifier: string): string | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
  return isBuiltin(bare) || isBuiltin(specifier) ? `node:${bare}` : undefined;
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** True when every project reference names a tsconfig that is there (a folder means its tsconfig.json). */
function referencesExist(tsconfig: TsConfigResult): boolean {
  return (tsconfig.config.references ?? []).every((reference) => {
    const target = path.resolve(path.dirname(tsconfig.path), reference.path);
    return isFile(target) || isFile(path.join(target, 'tsconfig.json'));
  });
}

/** The repo's tsconfig with its `extends` chain applied, or undefined when it has none. */
function readTsconfig(repoRoot: string, tsconfigPath: string | undefined): TsConfigResult | undefined {
  const configFile = tsconfigPath ? path.resolve(repoRoot, tsconfigPath) : path.join(repoRoot, 'tsconfig.json');
  if (!fs.existsSync(configFile)) {
    if (tsconfigPath) throw new SsotError('TSCONFIG_UNREADABLE', `${tsconfigPath}: no such tsconfig`);
    return undefined;
  }
  try {
    return { path: configFile, config: parseTsconfig(configFile) };
  } catch (error) {
    // Every command resolves modules with it, so --no-verify (which skips only the gate) is no way out.
    throw new SsotError('TSCONFIG_UNREADABLE', `${toPosix(path.relative(repoRoot, configFile))}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * The `paths` entries with their targets relative to the repo root. Targets are relative to
 * the baseUrl, or to the tsconfig in the `extends` chain that declared them: the matcher
 * knows which, so a probe name stands in for the wildcard.
 */
function aliasesOf(tsconfig: TsConfigResult, repoRoot: string): PathAlias[] {
  const paths = tsconfig.config.compilerOptions?.paths ?? {};
  const matcher = createPathsMatcher(tsconfig);
  if (!matcher) return [];
  const probe = '__ssot_wildcard__';
  return Object.keys(paths).map((pattern) => ({
    pattern,
    targets: matcher(pattern.replace('*', probe)).map((target) => toPosix(path.relative(repoRoot, target)).replace(probe, '*')),
  }));
}

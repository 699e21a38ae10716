// Writes a specifier for a target module the way the file already wrote the one it replaces:
// relative, a tsconfig `paths` alias, baseUrl-relative or a package name; with or without a
// `.js` suffix; with or without an explicit `/index`.
import path from 'node:path';
import type { PathAlias, ProjectServices, ResolvedModule } from '../../src/phase-api/define-phase.js';
import { EXTENSION_AT_END, stripExtension } from '../../src/shared/file-extensions.js';
import { isPackageSubpath } from '../../src/shared/package-names.js';
import { splitSpecifier } from '../../src/shared/specifier-parts.js';
import { starMatch } from '../../src/shared/star-pattern.js';

export interface SpecifierRequest {
  fromFile: string;
  target: ResolvedModule;
  /** The specifier being replaced, as written. */
  original: string;
  aliases: readonly PathAlias[];
  baseUrl: string | undefined;
  /** False when the replaced specifier named a package, not a repo file. */
  originalIsFile?: boolean;
  /** The workspace package folder of a repo file; a relative path never crosses into another package. */
  packageRootOf?: (file: string) => string | undefined;
  /** The name a repo file is imported by from another package: set for a workspace package's entry. */
  packageNameOf?: (file: string) => string | undefined;
  /** config `specifiers.extension`: `keep` writes the extension as `original` does. */
  extension?: ExtensionStyle;
}

export type ExtensionStyle = 'keep' | '.js' | '.ts' | 'none';

const RUNTIME_EXTENSION: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs', '.js': '.js', '.jsx': '.jsx', '.mjs': '.mjs', '.cjs': '.cjs' };

/** What a project tells writeSpecifier about `fromFile`'s imports: the repo's aliases, its baseUrl and its workspace packages. */
export function projectSpecifierContext(
  project: Pick<ProjectServices, 'aliases' | 'baseUrl' | 'packageOf' | 'resolve'>,
  fromFile: string,
): Pick<SpecifierRequest, 'aliases' | 'baseUrl' | 'packageRootOf' | 'packageNameOf'> {
  return {
    aliases: project.aliases,
    baseUrl: project.baseUrl,
    packageRootOf: (file) => project.packageOf(file)?.root,
    // Only where the name resolves to the file from the importing file (a dependency it can import).
    packageNameOf: (file) => {
      const name = project.packageOf(file)?.name;
      return name !== undefined && project.resolve(name, fromFile).key === file ? name : undefined;
    },
  };
}

export function writeSpecifier(request: SpecifierRequest): string {
  const { prefix, path: original, suffix } = splitSpecifier(request.original);
  return prefix + writePath({ ...request, original }) + suffix;
}

function writePath(request: SpecifierRequest): string {
  const { target, original } = request;
  if (!target.isFile) return packagePath(target, original);
  // Another workspace package's entry is imported by the package's name, as its package.json
  // declares it, not by a path into its folder.
  const crossesPackages = request.packageRootOf && request.packageRootOf(request.fromFile) !== request.packageRootOf(target.key);
  const packageName = crossesPackages ? request.packageNameOf?.(target.key) : undefined;
  if (packageName) return packageName;
  const modulePath = styledPath(target.key, original, request.extension ?? 'keep');
  if (original.startsWith('.')) {
    const aliased = crossesPackages ? aliasFor(styledPath(target.key, '', request.extension ?? 'keep'), original, request.aliases) : undefined;
    return aliased ?? relativeSpecifier(request.fromFile, modulePath);
  }
  const aliased = aliasFor(modulePath, original, request.aliases);
  if (aliased) return aliased;
  // baseUrl-relative only for a file that wrote one; a package or alias specifier that no alias
  // covers becomes relative (bundlers and Node do not read baseUrl).
  const wroteAlias = request.aliases.some((alias) => matchesPattern(alias.pattern, original));
  if (request.baseUrl !== undefined && !wroteAlias && request.originalIsFile !== false) {
    const fromBase = path.posix.relative(request.baseUrl || '.', modulePath);
    if (!fromBase.startsWith('..')) return fromBase;
  }
  return relativeSpecifier(request.fromFile, modulePath);
}

/** The target's repo path with the extension and `/index` written as in `original`, or as `style` says. */
function styledPath(targetFile: string, original: string, style: ExtensionStyle): string {
  const extension = targetFile.match(EXTENSION_AT_END)?.[0] ?? '';
  let bare = targetFile.slice(0, targetFile.length - extension.length);
  const writesIndex = /(^|\/)index(\.[cm]?[jt]sx?)?$/.test(original);
  // A declaration file is imported without an extension, whatever the style.
  if (style !== 'keep' && !extension.startsWith('.d')) {
    if (style === 'none') return !writesIndex && bare.endsWith('/index') ? bare.slice(0, -'/index'.length) : bare;
    return bare + (style === '.ts' ? extension : (RUNTIME_EXTENSION[extension] ?? extension));
  }
  const originalExtension = original.match(/\.[cm]?[jt]sx?$/)?.[0];
  // A folder import only works without an extension; with one (NodeNext), `/index.js` stays.
  if (!writesIndex && !originalExtension && bare.endsWith('/index')) {
    bare = bare.slice(0, -'/index'.length);
    return bare;
  }
  if (!originalExtension || extension.startsWith('.d')) return bare;
  if (/\.[cm]?tsx?$/.test(originalExtension)) return bare + extension;
  return bare + (RUNTIME_EXTENSION[extension] ?? originalExtension);
}

/**
 * A package as the config wrote it. A subpath the config wrote without an extension takes the one
 * of the package subpath it replaces (`lib/Thing.js` → `lib/Other.js`). No style adds or strips
 * one: a package's `exports` decide which spellings exist (`lib/Other.mjs` may be the only one).
 */
function packagePath(target: ResolvedModule, original: string): string {
  if (target.specifier !== undefined || !isPackageSubpath(target.key)) return target.specifier ?? target.key;
  const originalExtension = isPackageSubpath(original) ? /\.[cm]?js$/.exec(original)?.[0] : undefined;
  return originalExtension ? target.key + originalExtension : target.key;
}

function relativeSpecifier(fromFile: string, modulePath: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), modulePath);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Every `paths` alias specifier that names the module file `target` (for the prefilter). */
export function aliasSpecifiersOf(target: string, aliases: readonly PathAlias[]): string[] {
  const bare = stripExtension(target);
  const forms = bare.endsWith('/index') ? [bare, bare.slice(0, -'/index'.length)] : [bare];
  const found = new Set<string>();
  for (const form of forms) {
    for (const alias of aliases) {
      const specifier = aliasFor(form, alias.pattern, [alias]);
      if (specifier) found.add(specifier);
    }
  }
  return [...found];
}

function aliasFor(modulePath: string, original: string, aliases: readonly PathAlias[]): string | undefined {
  // Prefer the alias the file used for the module it replaces.
  const ordered = [...aliases].sort((a, b) => Number(matchesPattern(b.pattern, original)) - Number(matchesPattern(a.pattern, original)));
  for (const alias of ordered) {
    for (const target of alias.targets) {
      const star = target.indexOf('*');
      if (star === -1) {
        // A folder written without `/index` is the index file an alias names.
        const bare = (file: string): string => stripExtension(file).replace(/\/index$/, '');
        if (bare(target) === bare(modulePath)) return alias.pattern;
        continue;
      }
      const middle = starMatch(target.slice(0, star), target.slice(star + 1), modulePath);
      if (middle !== undefined) return alias.pattern.replace('*', middle);
    }
  }
  return undefined;
}

function matchesPattern(pattern: string, specifier: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier;
  return starMatch(pattern.slice(0, star), pattern.slice(star + 1), specifier) !== undefined;
}

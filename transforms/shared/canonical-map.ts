// Where every non-canonical path to a canonical symbol leads: configured legacy modules and
// single moves, plus modules found to re-export canonical symbols (barrels, third paths).
// Answers "this export of that module now lives at …" for imports, facades and later phases.
import path from 'node:path';
import { namesModuleOf } from './specifier-prefilter.js';
import type { ProjectServices, ResolvedModule } from '../../src/phase-api/define-phase.js';
import type { SsotConfig } from '../../src/config/schema.js';
import { exportNamesOf, mayHandOnImports, readModuleExports, type ModuleExports } from './module-exports.js';
import { SsotError } from '../../src/errors.js';
import { aliasSpecifiersOf } from './specifier-style.js';
import { isIndexFile, stripExtension } from '../../src/shared/file-extensions.js';
import { groupKeyOf, groupSpellingsOf } from '../../src/shared/package-names.js';
import { starMatch } from '../../src/shared/star-pattern.js';

export type Destination = { kind: 'move'; module: ResolvedModule; name: string } | { kind: 'stay'; reason: string };

/** canonical: the one source; legacy: moves wholesale; moves: some exports move; reexporter: found re-exporting. */
export type ModuleRole = 'canonical' | 'legacy' | 'moves' | 'reexporter';

interface LegacyEntry {
  index: number;
  renames: Record<string, string | null>;
  to: ResolvedModule;
}

/** A module the config moves names away from, as the config wrote it and as it resolved. */
export interface ConfiguredSource {
  /** Where the config names it: `legacy[2].module`, `moves[0].from`. */
  field: string;
  name: string;
  /** undefined: no such repo file (an earlier run may have deleted it). */
  key: string | undefined;
  /** The exports a move takes from it; none for a whole legacy module. */
  exports: string[];
  /** For a pattern entry: whether a module key is one of the family, and how its specifiers start. */
  matches?: (key: string) => boolean;
  prefixes?: string[];
}

/** `target` with its `*` standing for `matched`; null (no counterpart) when that is no identifier. */
function namedAfter(target: string, matched: string): string | null {
  const name = target.replace('*', matched);
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : null;
}

/** A family of package paths moved at once: `old-scope/*` → `new-scope/*` (or every one to one module). */
interface LegacyPattern {
  index: number;
  prefix: string;
  suffix: string;
  renames: Record<string, string | null>;
  /** The destination, with `*` standing for what the source's `*` matched. */
  to: string;
}

export class CanonicalMap {
  /** undefined for a config of moves alone. */
  readonly canonical: ResolvedModule | undefined;
  /** Names the canonical module exports; undefined when it cannot be read (a package without a list). */
  readonly canonicalExports: ReadonlySet<string> | undefined;
  private readonly legacy = new Map<string, LegacyEntry>();
  private readonly legacyPatterns: LegacyPattern[] = [];
  private repoFiles: Set<string> | undefined;
  private readonly moves = new Map<string, Map<string, { module: ResolvedModule; name: string }>>();
  private readonly reexporters = new Map<string, ModuleExports>();
  private readonly exportsCache = new Map<string, ModuleExports | undefined>();
  /** Modules named by a package specifier rather than a repo file. */
  private readonly packageKeys = new Set<string>();
  /** Modules the config moves names to: the canonical one, legacy `to`s, moves' targets. */
  private readonly destinations = new Set<string>();
  /** Every source module the config names, in config order, for the notices about those matching nothing. */
  readonly configuredSources: ConfiguredSource[] = [];

  /** opaque: modules never taken for barrels, so importers are not pointed past them (another package's entry point). */
  constructor(
    private readonly project: ProjectServices,
    private readonly options: { opaque?: ReadonlySet<string> } = {},
  ) {
    const { config } = project;
    this.canonical = config.canonical ? this.configModule(config.canonical.module, 'canonical.module') : undefined;
    this.canonicalExports = config.canonical?.exports ? new Set(config.canonical.exports) : this.canonical?.isFile ? this.exportNames(this.canonical.key) : undefined;
    config.legacy.forEach((entry, index) => {
      const field = `legacy[${index}]`;
      if (entry.module.includes('*')) {
        const pattern = this.legacyPattern(entry, index);
        this.legacyPatterns.push(pattern);
        const matches = (key: string): boolean => this.packageKeyLike(key) && starMatch(pattern.prefix, pattern.suffix, key) !== undefined;
        this.configuredSources.push({ field: `${field}.module`, name: entry.module, key: undefined, exports: [], matches, prefixes: this.groupSpellings(pattern.prefix) });
        return;
      }
      const module = this.sourceModule(entry.module, `${field}.module`);
      this.configuredSources.push({ field: `${field}.module`, name: entry.module, key: module?.key, exports: [] });
      if (!module) return;
      if (module.key === this.canonical?.key) throw configError(`${field}.module: "${entry.module}" is the canonical module itself`);
      if (this.legacy.has(module.key)) throw configError(`${field}.module: "${entry.module}" is listed twice (also legacy[${this.legacy.get(module.key)!.index}])`);
      const to = entry.to ? this.configModule(entry.to, `${field}.to`) : this.canonical;
      if (!to) throw configError(`${field}.to: required when there is no canonical module (where do the exports of "${entry.module}" now live?)`);
      // A rename of an export the module does not have, or to one the target lacks, would
      // silently match nothing.
      for (const [name, target] of Object.entries(entry.exports ?? {})) {
        this.assertExports(module, name, `${field}.exports.${name}`);
        if (target !== null && to.key === this.canonical?.key) this.assertExports(to, target, `${field}.exports.${name}`);
      }
      this.legacy.set(module.key, { index, renames: entry.exports ?? {}, to });
    });
    config.moves.forEach((move, index) => {
      const field = `moves[${index}]`;
      const from = this.sourceModule(move.from.module, `${field}.from.module`);
      const to = this.configModule(move.to.module, `${field}.to.module`);
      this.configuredSources.push({ field: `${field}.from`, name: move.from.module, key: from?.key, exports: [move.from.export] });
      if (!from) return;
      const inPlace = from.key === to.key;
      if (inPlace && move.from.export === move.to.export) throw configError(`${field}: moves ${from.key} "${move.from.export}" to itself`);
      // A rename within a module: the old name is usually gone already, the new one must be there.
      if (!inPlace) this.assertExports(from, move.from.export, `${field}.from.export`);
      if (inPlace || to.key === this.canonical?.key) this.assertExports(to, move.to.export, `${field}.to.export`);
      // (legacy entries are all read by now) a destination that is itself legacy: see below.
      if (this.legacy.has(to.key)) throw configError(`${field}.to.module: ${to.key} is itself a legacy module; name the module the export finally lives in`);
      const names = this.moves.get(from.key) ?? new Map();
      if (names.has(move.from.export)) throw configError(`${field}: ${from.key} "${move.from.export}" is moved twice`);
      const legacyEntry = this.legacy.get(from.key);
      if (legacyEntry && Object.hasOwn(legacyEntry.renames, move.from.export)) {
        throw configError(`${field}: ${from.key} "${move.from.export}" is also mapped by legacy[${legacyEntry.index}].exports.${move.from.export}`);
      }
      names.set(move.from.export, { module: to, name: move.to.export });
      this.moves.set(from.key, names);
    });
    if (this.canonical) this.destinations.add(this.canonical.key);
    for (const entry of this.legacy.values()) this.destinations.add(entry.to.key);
    for (const names of this.moves.values()) for (const target of names.values()) this.destinations.add(target.module.key);
    // A destination that is itself legacy would be rewritten again on the next run, or forever
    // in a cycle: the config must name where the exports finally live.
    for (const [key, entry] of this.legacy) {
      if (this.legacy.has(entry.to.key) || this.moves.has(entry.to.key)) {
        throw configError(`legacy[${entry.index}].to: ${entry.to.key} is itself a legacy module (${key} → ${entry.to.key}); name the module the exports finally live in`);
      }
    }
    this.findReexporters();
  }

  private legacyPattern(entry: SsotConfig['legacy'][number], index: number): LegacyPattern {
    const field = `legacy[${index}]`;
    const [prefix, suffix, ...more] = entry.module.split('*');
    if (more.length > 0) throw configError(`${field}.module: "${entry.module}" has more than one *`);
    if (/^[./]/.test(entry.module)) throw configError(`${field}.module: "${entry.module}": a pattern names package paths (\`old-scope/*\`), not repo files`);
    const to = entry.to ?? this.canonical?.key;
    if (!to) throw configError(`${field}.to: required when there is no canonical module`);
    if (to.split('*').length > 2) throw configError(`${field}.to: "${to}" has more than one *`);
    // Keyed as module keys are: a grouped package by its group's first name, a subpath without extension.
    return { index, prefix: groupKeyOf(prefix!, this.project.config.specifiers.groups), suffix: stripExtension(suffix!), renames: entry.exports ?? {}, to };
  }

  /** A legacy entry of the module, configured by name or by a pattern that matches its path. */
  private legacyEntryOf(key: string): LegacyEntry | undefined {
    const named = this.legacy.get(key);
    if (named || !this.packageKeyLike(key)) return named;
    for (const pattern of this.legacyPatterns) {
      const matched = starMatch(pattern.prefix, pattern.suffix, key);
      if (matched === undefined) continue;
      const to = this.configModule(pattern.to.replace('*', matched), `legacy[${pattern.index}].to`);
      // `"default": "*"`: the export takes the name the path's `*` matched (`lodash/debounce`'s default → `debounce`).
      const renames = Object.fromEntries(Object.entries(pattern.renames).map(([name, target]) => [name, target?.includes('*') ? namedAfter(target, matched) : target]));
      // Later lookups of the same path need not match again.
      const entry: LegacyEntry = { index: pattern.index, renames, to };
      this.legacy.set(key, entry);
      this.destinations.add(to.key);
      return entry;
    }
    return undefined;
  }

  /** A key that names a package path (repo files are keyed by repo-relative path, which a pattern never matches). */
  private packageKeyLike(key: string): boolean {
    if (this.legacyPatterns.length === 0) return false;
    this.repoFiles ??= new Set(this.project.files);
    return !this.repoFiles.has(key);
  }

  private configModule(name: string, field: string): ResolvedModule {
    const module = this.project.resolveConfigModule(name, field);
    if (!module.isFile) this.packageKeys.add(module.key);
    return module;
  }

  /**
   * A module names move away from. Once a migration (phase 2) has deleted it, it is already
   * migrated: nothing can reference it, so it is left out instead of failing every later run.
   */
  private sourceModule(name: string, field: string): ResolvedModule | undefined {
    try {
      return this.configModule(name, field);
    } catch (error) {
      if (error instanceof SsotError && error.code === 'MODULE_NOT_FOUND') return undefined;
      throw error;
    }
  }

  private assertExports(module: ResolvedModule, name: string, field: string): void {
    if (!module.isFile) return;
    const names = module.key === this.canonical?.key ? this.canonicalExports : this.exportNames(module.key);
    if (names && !names.has(name)) throw configError(`${field}: ${module.key} has no export "${name}"`);
  }

  /** Whether a module is one the migration is about: canonical, legacy, moved from, or a barrel of them. */
  concerns(key: string): boolean {
    return key === this.canonical?.key || this.roleOf(key) !== undefined || this.reexporters.has(key);
  }

  roleOf(key: string): ModuleRole | undefined {
    if (key === this.canonical?.key) return 'canonical';
    if (this.legacyEntryOf(key)) return 'legacy';
    if (this.moves.has(key)) return 'moves';
    if (this.reexporters.has(key)) return 'reexporter';
    return undefined;
  }

  /** Configured modules whose references are legacy (not barrels found along the way). */
  legacyKeys(): string[] {
    return [...new Set([...this.legacy.keys(), ...this.moves.keys()])].sort();
  }

  /** The names the config's `moves` take out of module `key`, each with where it goes. */
  movesOutOf(key: string): Array<{ name: string; target: ResolvedModule; targetName: string }> {
    return [...(this.moves.get(key) ?? [])].map(([name, to]) => ({ name, target: to.module, targetName: to.name }));
  }

  /**
   * Where a reference to the whole module goes (a side-effect import, a mock of every export):
   * a legacy module's destination; for a barrel, the canonical module when there is one.
   */
  wholeModuleTarget(key: string): ResolvedModule | undefined {
    return this.legacyEntryOf(key)?.to ?? (this.reexporters.has(key) ? this.canonical : undefined);
  }

  /**
   * Where a legacy module goes when its module object can go with it: every export keeps its
   * name (no renames, none that stays, none moved elsewhere) and the module there exports exactly
   * those names, so the object is the same. A package that cannot be read is taken at the config's word.
   */
  sameObjectTarget(key: string): ResolvedModule | undefined {
    const entry = this.legacyEntryOf(key);
    if (!entry || Object.entries(entry.renames).some(([name, target]) => target !== name)) return undefined;
    // A name the config moves elsewhere (or renames) leaves the object, whatever else is known of it.
    if (this.movesOutOf(key).some((move) => move.target.key !== entry.to.key || move.targetName !== move.name)) return undefined;
    const names = this.exportNames(key);
    if (!names) return entry.to;
    const there = entry.to.key === this.canonical?.key && this.canonicalExports ? this.canonicalExports : this.exportNames(entry.to.key);
    const same = there !== undefined && there.size === names.size && [...names].every((name) => there.has(name));
    return same ? entry.to : undefined;
  }

  reexporterKeys(): string[] {
    return [...this.reexporters.keys()].sort();
  }

  /**
   * Where export `name` of module `key` now lives. undefined when the name is not part of the
   * migration (a barrel's own export, a module's export that did not move).
   */
  destinationOf(key: string, name: string, seen = new Set<string>()): Destination | undefined {
    const visit = `${key}\0${name}`;
    if (seen.has(visit)) return undefined;
    seen.add(visit);
    const moved = this.moves.get(key)?.get(name);
    if (moved) return { kind: 'move', ...moved };
    const legacy = this.legacyEntryOf(key);
    if (legacy) {
      const renamed = legacy.renames[name];
      if (renamed === null) return { kind: 'stay', reason: `"${name}" has no canonical counterpart (legacy[${legacy.index}].exports marks it null)` };
      const target = renamed ?? name;
      if (legacy.to.key === this.canonical?.key && this.canonicalExports && !this.canonicalExports.has(target)) {
        return { kind: 'stay', reason: `the canonical module ${legacy.to.key} has no export "${target}"` };
      }
      return { kind: 'move', module: legacy.to, name: target };
    }
    const exports = this.reexporters.get(key);
    if (exports) return this.followReexport(key, exports, name, seen);
    return undefined;
  }

  /** All export names of a module, following `export *`; undefined when it cannot be read. */
  exportNames(key: string): Set<string> | undefined {
    return exportNamesOf(key, { exportsOf: (module) => this.exportsOf(module), resolve: (specifier, from) => this.project.resolve(specifier, from) });
  }

  /** True when export `name` of module `key` is only a type (interface, type alias, `export type`). */
  isTypeOnly(key: string, name: string, seen = new Set<string>()): boolean {
    const visit = `${key}\0${name}`;
    if (seen.has(visit)) return false;
    seen.add(visit);
    const exports = this.exportsOf(key);
    const origin = exports?.named.get(name);
    if (origin) {
      if (origin.typeOnly) return true;
      if (origin.kind === 'local' || origin.name === '*') return false;
      return this.isTypeOnly(this.project.resolve(origin.specifier, key).key, origin.name, seen);
    }
    return (exports?.stars ?? []).some((star) => this.isTypeOnly(this.project.resolve(star, key).key, name, seen));
  }

  /** Words a file must contain to possibly reference a module of the migration. */
  prefilterTerms(): string[] {
    const keys = [...(this.canonical ? [this.canonical.key] : []), ...this.legacyKeys(), ...this.reexporterKeys()];
    // A pattern's specifiers all contain its fixed start.
    const patterns = this.legacyPatterns.flatMap((pattern) => this.groupSpellings(pattern.prefix));
    return [...new Set([...keys.flatMap((key) => this.specifierTerms(key)), ...patterns])].sort();
  }

  /**
   * Text that any specifier of the module must contain: the file name followed by a quote or
   * an extension; for an index, its folder followed by a quote (or `.`, `..`); every tsconfig
   * alias that names it; the name of the workspace package it belongs to. A package: itself.
   */
  specifierTerms(key: string): string[] {
    if (this.packageKeys.has(key)) return this.packageSpellings(key);
    const base = termOf(key);
    const quoted = (word: string): string[] => [`${word}'`, `${word}"`, `${word}\``];
    const terms = isIndexFile(key) ? [...quoted(base), `${base}/index`, ...quoted(`${base}/`), ".'", '."', "/'", '/"'] : [...quoted(base), `${base}.`];
    terms.push(...aliasSpecifiersOf(key, this.project.aliases));
    const name = this.project.packageOf(key)?.name;
    if (name) terms.push(name);
    return terms;
  }

  /** How code writes a package: a built-in with or without its `node:` prefix, else as every member of its group. */
  private packageSpellings(key: string): string[] {
    return key.startsWith('node:') ? [key, key.slice('node:'.length)] : this.groupSpellings(key);
  }

  /** A package key as every member of its `specifiers.groups` group spells it (`lodash/x`, `lodash-es/x`). */
  groupSpellings(key: string): string[] {
    return groupSpellingsOf(key, this.project.config.specifiers.groups);
  }

  /** Words that name a legacy module, used to find mentions in comments and strings. */
  legacyTerms(): string[] {
    // An index is named by its folder; `src` alone would flag every comment saying "src". A
    // package is named by its specifier: `common` alone would flag (and parse) every file saying "common".
    const terms = (key: string): string[] => {
      if (this.packageKeys.has(key)) return this.packageSpellings(key);
      return [isIndexFile(key) ? key.split('/').slice(-3, -1).join('/') : termOf(key)];
    };
    const patterns = this.legacyPatterns.flatMap((pattern) => this.groupSpellings(pattern.prefix).map((prefix) => prefix.replace(/\/$/, ''))).filter(Boolean);
    return [...new Set([...this.legacyKeys().flatMap(terms), ...patterns])].sort();
  }

  private followReexport(key: string, exports: ModuleExports, name: string, seen: Set<string>): Destination | undefined {
    const origin = exports.named.get(name);
    if (origin) {
      if (origin.kind === 'local' || origin.name === '*') return undefined;
      const from = this.project.resolve(origin.specifier, key);
      if (this.canonical && from.key === this.canonical.key) return { kind: 'move', module: this.canonical, name: origin.name };
      const destination = this.roleOf(from.key) ? this.destinationOf(from.key, origin.name, seen) : undefined;
      if (destination?.kind !== 'move' || destination.module.key !== from.key) return destination;
      // Renamed where it is defined: the barrel's own `export { old }` is fixed to keep its public
      // name, so importers of the barrel need nothing; unless public names are renamed too.
      const renamedHere = this.project.config.renamePublicExports && name === origin.name;
      return renamedHere ? { kind: 'move', module: { key, isFile: true }, name: destination.name } : undefined;
    }
    for (const star of exports.stars) {
      const from = this.project.resolve(star, key);
      if (this.canonical && from.key === this.canonical.key) {
        if (!this.canonicalExports || this.canonicalExports.has(name)) return { kind: 'move', module: this.canonical, name };
        continue;
      }
      if (!this.roleOf(from.key)) continue;
      // A name moved or renamed away is usually gone from its module's exports already.
      const names = this.exportNames(from.key);
      if (names && !names.has(name) && !this.moves.get(from.key)?.has(name)) continue;
      const destination = this.destinationOf(from.key, name, seen);
      // Renamed where it is defined: the star hands on the new name too, so it comes from the barrel.
      if (destination?.kind === 'move' && destination.module.key === from.key) return { kind: 'move', module: { key, isFile: true }, name: destination.name };
      if (destination) return destination;
    }
    return undefined;
  }

  /**
   * The modules this map was built from: those whose exports say what leads where. Files read
   * and found to be none of them are not: one that becomes a barrel shows up as a new source.
   */
  sources(): string[] {
    return [...this.exportsCache.keys()].filter((key) => this.concerns(key) || this.destinations.has(key));
  }

  private exportsOf(key: string): ModuleExports | undefined {
    if (this.exportsCache.has(key)) return this.exportsCache.get(key);
    const root = this.project.parseFile(key);
    const exports = root ? readModuleExports(root) : undefined;
    this.exportsCache.set(key, exports);
    return exports;
  }

  /**
   * Barrels and third paths: files that re-export something that resolves to the canonical
   * module. Repeats until no new one appears, so chains of barrels are found.
   */
  private findReexporters(): void {
    let terms = this.prefilterTerms();
    const checked = new Set<string>();
    // Files whose text has no re-export form, read once: every round would find the same.
    const handsNothingOn = new Set<string>();
    for (;;) {
      let found = false;
      for (const file of this.project.files) {
        // A module the config names as a destination is where names go, not a detour to them.
        if (checked.has(file) || handsNothingOn.has(file) || this.roleOf(file) || this.destinations.has(file) || this.options.opaque?.has(file)) continue;
        const text = this.project.readFile(file);
        if (!text || !REEXPORT_FORM.test(text)) {
          handsNothingOn.add(file);
          continue;
        }
        // Parse only a file that can hand something on and names a module of the migration.
        if (!namesModuleOf(text, file, terms, this.project, (key) => this.concerns(key))) continue;
        checked.add(file);
        if (!mayHandOnImports(this.project.moduleRecord(file))) continue;
        const exports = this.exportsOf(file);
        if (exports && this.reexportsCanonical(file, exports)) {
          this.reexporters.set(file, exports);
          found = true;
        }
      }
      if (!found) return;
      terms = this.prefilterTerms();
      checked.clear();
    }
  }

  private reexportsCanonical(file: string, exports: ModuleExports): boolean {
    const leadsToCanonical = (specifier: string): boolean => {
      const target = this.project.resolve(specifier, file);
      return target.key === this.canonical?.key || this.roleOf(target.key) !== undefined;
    };
    if (exports.stars.some(leadsToCanonical)) return true;
    for (const [name, origin] of exports.named) {
      if (origin.kind !== 'reexport' || !leadsToCanonical(origin.specifier)) continue;
      if (this.followReexport(file, exports, name, new Set())?.kind === 'move') return true;
    }
    return false;
  }
}

/**
 * The only forms that pass an imported binding on (see readModuleExports): `export *`,
 * `export { … }` with or without `from`, and `export default <identifier>`. A file whose exports
 * are all declarations (`export const`, `export class`…) is no barrel, and needs no parse.
 */
const REEXPORT_FORM = /\bexport\s*(?:\*|\{|type\s*\{|default\s+[A-Za-z_$][\w$]*\s*(?:;|$))/m;

function configError(message: string): SsotError {
  return new SsotError('CONFIG_INVALID', message);
}

/** The word a specifier of this module must contain: its file name, or its folder for an index. */
export function termOf(key: string): string {
  const base = stripExtension(path.posix.basename(key));
  return base === 'index' ? path.posix.basename(path.posix.dirname(key)) : base;
}

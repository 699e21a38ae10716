// The config `init` writes: scope, canonical module, the legacy modules phase 1 can point at
// it (with their renames), and the facades phase 2 removes. Only what discovery proved goes
// in; duplicate implementations are listed for a human, never mapped (their exports are
// different objects that happen to share a name).
import { isIndexFile } from '../shared/file-extensions.js';
import { handsOnAValue, type Discovery, type DiscoveredModule } from './discover-legacy.js';
import type { EntryPoint } from './entry-points.js';
import type { Scope } from './scope.js';

export interface StartingConfig {
  $schema?: string;
  include: string[];
  exclude?: string[];
  canonical: { module: string };
  legacy: Array<{ module: string; exports?: Record<string, string | null> }>;
  facades: { modules: string[]; detect: boolean; discover?: 'barrels'; keep: string[] };
}

export function buildStartingConfig(discovery: Discovery, scope: Scope, schema: string | undefined, entryPoints: readonly EntryPoint[] = []): StartingConfig {
  const keep = [...new Set(entryPoints.map((entry) => entry.source))].sort();
  const legacy = discovery.modules.filter(isLegacy).map((module) => {
    const renames = Object.fromEntries([...module.canonicalNames].filter(([name, canonical]) => canonical !== name).sort(([a], [b]) => a.localeCompare(b)));
    return { module: module.file, ...(Object.keys(renames).length > 0 ? { exports: renames } : {}) };
  });
  return {
    ...(schema ? { $schema: schema } : {}),
    include: scope.include,
    ...(scope.exclude.length > 0 ? { exclude: scope.exclude } : {}),
    canonical: { module: discovery.canonical },
    legacy,
    // Detection stays on; the facades found are named so a reviewer sees (and can drop) each one.
    // The package's entry points are its API: kept, whatever they hold.
    facades: { modules: discovery.modules.filter((module) => isRemovableFacade(module) && !keep.includes(module.file)).map((module) => module.file), detect: true, keep },
  };
}

/**
 * A legacy entry points every import of a module at the canonical one: right for a module
 * one of whose classes, functions or values IS a canonical one. Not for a barrel (`index`,
 * `export *`): phase 1 finds barrels by itself and keeps their own exports where they are.
 */
function isLegacy(module: DiscoveredModule): boolean {
  if (module.relation !== 'legacy' || isIndexFile(module.file) || module.starsCanonical) return false;
  return handsOnAValue(module);
}

/**
 * Barrels (an index that only re-exports, or `export *` of the canonical module) are entry points
 * more often than not; phase 2's detection decides about them. An index that aliases, wraps or
 * subclasses is a facade like any other, whatever its file is called.
 */
function isRemovableFacade(module: DiscoveredModule): boolean {
  if (module.relation !== 'legacy' || module.role !== 'facade' || module.starsCanonical) return false;
  return !isIndexFile(module.file) || module.kinds.some((kind) => kind !== 're-export');
}

export function configText(config: object): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

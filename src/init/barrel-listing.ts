// What `init --barrels` finds and writes, for a repo with no canonical module: the barrels
// (modules whose body is only re-exports), most imported first, and a config that has phase 2
// flatten them. The package's entry points are kept, whatever they hold.
import type { ProjectServices } from '../phase-api/define-phase.js';
import { handedOnBarrels, surveyBarrels } from '../../transforms/facades/barrel-detection.js';
import type { EntryPoint } from './entry-points.js';
import type { Scope } from './scope.js';

export interface ListedBarrel {
  file: string;
  /** Files that import it (or re-export it). */
  importers: number;
  /** The modules it hands names on from. */
  sources: number;
  /** Set for a package entry point, which stays. */
  entryPoint?: string;
  /** The entry point that hands it on: it stays as written, and its importers are pointed past it. */
  handedOnBy?: string;
}

export interface BarrelConfig {
  $schema?: string;
  include: string[];
  exclude?: string[];
  facades: { discover: 'barrels'; keep: string[] };
}

/** A module specifier as written after `from`, `import(`, `require(`, `export … from` or a bare `import`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"\n]+)['"]/gm;

export function listBarrels(project: ProjectServices, entryPoints: readonly EntryPoint[]): ListedBarrel[] {
  const { barrels } = surveyBarrels(project);
  const importers = new Map<string, Set<string>>();
  for (const file of project.files) {
    const text = project.readFile(file);
    if (text === undefined) continue;
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      const key = project.resolve(specifier!, file).key;
      if (barrels.has(key) && key !== file) importers.set(key, (importers.get(key) ?? new Set()).add(file));
    }
  }
  const entries = new Map(entryPoints.map((entry) => [entry.source, `${entry.manifest} names ${entry.target}`]));
  const handedOn = handedOnBarrels(project, (file) => barrels.has(file), [...entries.keys()]);
  return [...barrels.values()]
    .map((barrel) => {
      const sources = new Set([...barrel.roles.values()].flatMap((role) => (role.kind === 'forward' ? [role.target.key] : [])));
      if (barrel.barrel?.handsOnUnlisted) sources.add(barrel.barrel.handsOnUnlisted.key);
      const entryPoint = entries.get(barrel.file);
      const handedOnBy = handedOn.get(barrel.file);
      return { file: barrel.file, importers: importers.get(barrel.file)?.size ?? 0, sources: sources.size, ...(entryPoint ? { entryPoint } : {}), ...(handedOnBy ? { handedOnBy } : {}) };
    })
    .sort((a, b) => b.importers - a.importers || a.file.localeCompare(b.file));
}

export function renderBarrels(barrels: readonly ListedBarrel[]): string {
  if (barrels.length === 0) return 'no barrels found (no module whose body is only re-exports).\n';
  const width = Math.max(...barrels.map((barrel) => barrel.file.length));
  const lines = [`${barrels.length} barrel${barrels.length === 1 ? '' : 's'} (modules that only re-export), most imported first:`];
  for (const barrel of barrels) {
    const imported = `imported by ${barrel.importers} file${barrel.importers === 1 ? '' : 's'}`;
    const from = `hands on from ${barrel.sources} module${barrel.sources === 1 ? '' : 's'}`;
    const stays = barrel.entryPoint ? `; kept: ${barrel.entryPoint}` : barrel.handedOnBy ? `; stays, handed on by ${barrel.handedOnBy} (its importers are pointed past it)` : '';
    lines.push(`  ${barrel.file.padEnd(width)}  ${imported}, ${from}${stays}`);
  }
  return `${lines.join('\n')}\n`;
}

export function buildBarrelConfig(scope: Scope, schema: string | undefined, entryPoints: readonly EntryPoint[]): BarrelConfig {
  return {
    ...(schema ? { $schema: schema } : {}),
    include: scope.include,
    ...(scope.exclude.length > 0 ? { exclude: scope.exclude } : {}),
    facades: { discover: 'barrels', keep: [...new Set(entryPoints.map((entry) => entry.source))].sort() },
  };
}

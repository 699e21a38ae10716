// `init --canonical`: every module that competes with the canonical one — facades that hand it
// on, modules with real logic around it, duplicate implementations — each with its evidence.
import { configSchema, type SsotConfig } from '../config/schema.js';
import { createProject } from '../engine/project.js';
import type { ProjectServices } from '../phase-api/define-phase.js';
import { surveyFacades, type FacadeKind } from '../../transforms/facades/facade-detection.js';
import { CanonicalNameFinder, type CanonicalNames } from './canonical-names.js';
import { findDuplicates } from './duplicates.js';
import type { Scope } from './scope.js';
import { isTestFile } from './test-files.js';

export type EvidenceKind = FacadeKind | 'duplicate-implementation' | 'real-logic';

export interface DiscoveredEvidence {
  kind: EvidenceKind;
  line: number;
  column: number;
  text: string;
}

export interface DiscoveredModule {
  file: string;
  /** facade: only hands the canonical module on (phase 2 removes it); real: has logic of its own (a human migrates it). */
  role: 'facade' | 'real';
  /** The distinct kinds of its evidence, in a fixed order. */
  kinds: EvidenceKind[];
  evidence: DiscoveredEvidence[];
  /** Each named export and the canonical export it is (null: none), for the legacy entry. */
  canonicalNames: CanonicalNames;
  /** Export names that are only types. */
  typeOnlyNames: Set<string>;
  /** It has `export * from` the canonical module. */
  starsCanonical: boolean;
  /**
   * legacy: a module of the migration (a facade, a duplicate implementation, or a module that
   * hands a canonical class, function or value on). The others only touch the canonical
   * module — test helpers, modules with some canonical method or type of their own — and are
   * listed apart, out of the config.
   */
  relation: 'legacy' | 'test-helper' | 'related';
}

export interface Discovery {
  canonical: string;
  /** The canonical module's export names. */
  canonicalExports: string[];
  modules: DiscoveredModule[];
}

const KIND_ORDER: readonly EvidenceKind[] = ['re-export', 'alias', 'default-flip', 'empty-subclass', 'delegating-wrapper', 'deprecated-shim', 'duplicate-implementation', 'real-logic'];

/**
 * The provisional config discovery runs with: the scope and the canonical module, defaults for
 * the rest. Looking for candidates needs no canonical module, and a project never reads it.
 */
export function provisionalConfig(scope: Scope, canonical = 'none yet'): SsotConfig {
  return configSchema.parse({ include: scope.include, exclude: scope.exclude, canonical: { module: canonical } });
}

export function openProject(repoRoot: string, config: SsotConfig): ProjectServices {
  return createProject({ repoRoot, config });
}

/** Everything that competes with `canonicalFile` (a repo-relative path the project resolved). */
export function discoverLegacy(project: ProjectServices, canonicalFile: string): Discovery {
  const survey = surveyFacades(project, canonicalFile);
  const names = new CanonicalNameFinder(project, canonicalFile);
  const byFile = new Map<string, { role: DiscoveredModule['role']; evidence: DiscoveredEvidence[] }>();
  const entry = (file: string, role: DiscoveredModule['role']): DiscoveredEvidence[] => {
    const found = byFile.get(file) ?? { role, evidence: [] };
    if (role === 'real') found.role = 'real';
    byFile.set(file, found);
    return found.evidence;
  };
  for (const facade of survey.facades) entry(facade.file, 'facade').push(...facade.evidence);
  for (const module of survey.real) entry(module.file, 'real').push(...module.reasons.map((reason) => ({ kind: 'real-logic' as const, ...reason })));
  for (const duplicate of findDuplicates(project, canonicalFile)) {
    const evidence = entry(duplicate.file, 'real');
    // The survey may have said the same of the same class; one line per finding is enough.
    for (const { name, ...item } of duplicate.evidence) {
      const same = evidence.findIndex((known) => known.kind === 'real-logic' && (known.line === item.line || known.text.includes(`class ${name} `)));
      if (same !== -1) evidence.splice(same, 1);
      evidence.push({ kind: 'duplicate-implementation', ...item });
    }
  }

  const modules = [...byFile].map(([file, { role, evidence }]): DiscoveredModule => {
    const sorted = [...evidence].sort((a, b) => a.line - b.line || a.column - b.column || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    const kinds = KIND_ORDER.filter((kind) => sorted.some((item) => item.kind === kind));
    const canonicalNames = names.namesOf(file);
    const typeOnlyNames = new Set([...canonicalNames.keys()].filter((name) => names.isTypeOnly(file, name)));
    const module = { file, role, kinds, evidence: sorted, canonicalNames, typeOnlyNames, starsCanonical: names.starsCanonical(file) };
    return { ...module, relation: relationOf(module) };
  });
  modules.sort((a, b) => a.file.localeCompare(b.file));
  return { canonical: canonicalFile, canonicalExports: [...names.namesOf(canonicalFile).keys()].sort(), modules };
}

function relationOf(module: Omit<DiscoveredModule, 'relation'>): DiscoveredModule['relation'] {
  if (module.kinds.includes('duplicate-implementation')) return 'legacy';
  if (isTestFile(module.file)) return 'test-helper';
  if (module.role === 'real' && !handsOnAValue(module)) return 'related';
  return 'legacy';
}

/** It passes on a canonical class, function or value, not only types. */
export function handsOnAValue(module: Pick<DiscoveredModule, 'canonicalNames' | 'typeOnlyNames'>): boolean {
  return [...module.canonicalNames].some(([name, canonical]) => canonical !== null && !module.typeOnlyNames.has(name));
}

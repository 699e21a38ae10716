// Without a canonical module named: clusters of modules that export same-named things, the
// shape fragmentation leaves behind (ten `*Manager` classes, one function name in three
// modules), each with the module the others lean on as the suggested canonical one.
import type { ProjectServices } from '../phase-api/define-phase.js';
import { readModuleExports } from '../../transforms/shared/module-exports.js';
import { readExportedDeclarations } from './exported-declarations.js';
import { familyOf } from './name-words.js';

export interface ClusterMember {
  file: string;
  /** The cluster's names this module exports, in source order. */
  names: string[];
  /** How many other members import or re-export from this one. */
  importedByMembers: number;
}

export interface CandidateCluster {
  /** `*Manager` for a family of classes, the name itself for one name exported by several modules. */
  label: string;
  kind: 'family' | 'same-name';
  /** Best candidate first. */
  members: ClusterMember[];
}

interface ModuleSurface {
  file: string;
  /** Value exports (not types) with whether this module declares them itself. */
  values: Array<{ name: string; own: boolean; kind: 'class' | 'function' | 'value' }>;
  /** Repo files it imports or re-exports from. */
  dependsOn: Set<string>;
  lines: number;
}

const MAX_CLUSTERS = 5;

export function findCandidateClusters(project: ProjectServices): CandidateCluster[] {
  const surfaces = project.files.map((file) => surfaceOf(project, file)).filter((surface): surface is ModuleSurface => surface !== undefined);

  const byFamily = new Map<string, Map<string, string[]>>();
  const familiesWithOwnClass = new Set<string>();
  const ownByName = new Map<string, Map<string, string[]>>();
  for (const surface of surfaces) {
    for (const value of surface.values) {
      const family = /^[A-Z][a-z]/.test(value.name) && value.kind !== 'function' ? familyOf(value.name) : undefined;
      if (family) {
        add(byFamily, family, surface.file, value.name);
        if (value.own && value.kind === 'class') familiesWithOwnClass.add(family);
      }
      if (value.own && value.kind !== 'value') add(ownByName, value.name, surface.file, value.name);
    }
  }

  const surfaceOfFile = new Map(surfaces.map((surface) => [surface.file, surface]));
  const clusters: CandidateCluster[] = [];
  for (const [family, members] of byFamily) {
    if (familiesWithOwnClass.has(family) && members.size >= 3) clusters.push(cluster(`*${family}`, 'family', members, surfaceOfFile));
  }
  for (const [name, members] of ownByName) {
    if (members.size >= 2) clusters.push(cluster(name, 'same-name', members, surfaceOfFile));
  }
  clusters.sort((a, b) => b.members.length - a.members.length || (a.kind === b.kind ? 0 : a.kind === 'family' ? -1 : 1) || a.label.localeCompare(b.label));

  // A cluster inside one already listed says nothing new.
  const listed: CandidateCluster[] = [];
  for (const candidate of clusters) {
    const files = candidate.members.map((member) => member.file);
    if (listed.some((shown) => files.every((file) => shown.members.some((member) => member.file === file)))) continue;
    listed.push(candidate);
    if (listed.length === MAX_CLUSTERS) break;
  }
  return listed;
}

function add(index: Map<string, Map<string, string[]>>, key: string, file: string, name: string): void {
  const members = index.get(key) ?? new Map<string, string[]>();
  const names = members.get(file) ?? [];
  if (!names.includes(name)) names.push(name);
  members.set(file, names);
  index.set(key, members);
}

/** Members ordered so the first is the best canonical candidate: the one the others lean on, then the biggest. */
function cluster(label: string, kind: CandidateCluster['kind'], members: Map<string, string[]>, surfaces: Map<string, ModuleSurface>): CandidateCluster {
  const files = [...members.keys()];
  const ranked = files.map((file) => ({
    file,
    names: members.get(file)!,
    importedByMembers: files.filter((other) => other !== file && surfaces.get(other)!.dependsOn.has(file)).length,
  }));
  ranked.sort((a, b) => b.importedByMembers - a.importedByMembers || surfaces.get(b.file)!.lines - surfaces.get(a.file)!.lines || a.file.localeCompare(b.file));
  return { label, kind, members: ranked };
}

function surfaceOf(project: ProjectServices, file: string): ModuleSurface | undefined {
  const text = project.readFile(file);
  // Declaration files describe, they do not implement.
  if (!text || !text.includes('export') || file.endsWith('.d.ts')) return undefined;
  const root = project.parseFile(file);
  if (!root) return undefined;
  const own = readExportedDeclarations(root);
  const exports = readModuleExports(project.j, root);
  const values: ModuleSurface['values'] = [];
  for (const [name, origin] of exports.named) {
    if (name === 'default' || origin.typeOnly) continue;
    const declared = own.find((declaration) => declaration.name === name && declaration.kind !== 'type');
    if (origin.kind === 'local' && !declared) continue;
    values.push({ name, own: origin.kind === 'local', kind: declared?.kind === 'class' || declared?.kind === 'function' ? declared.kind : origin.kind === 'reexport' && /^[A-Z][a-z]/.test(name) ? 'class' : 'value' });
  }
  const dependsOn = new Set<string>();
  const j = project.j;
  const specifiers = [
    ...root.find(j.ImportDeclaration).nodes().map((node) => String(node.source.value)),
    ...root.find(j.ExportNamedDeclaration).nodes().flatMap((node) => (node.source ? [String(node.source.value)] : [])),
    ...exports.stars,
  ];
  for (const specifier of specifiers) {
    const target = project.resolve(specifier, file);
    if (target.isFile) dependsOn.add(target.key);
  }
  return { file, values, dependsOn, lines: text.split('\n').length };
}

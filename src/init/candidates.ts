// Without a canonical module named: clusters of real duplicates, the shape fragmentation leaves
// behind. One name declared in several modules is a cluster only when the declarations are the
// same thing: the same parameters and mostly the same tokens, or near-identical tokens. A family
// of classes (`*Manager`) is one only when some module hands a member on under a second name.
// Clusters and their members are ranked by how many files import them; clusters of test files
// alone are only counted.
import type { ProjectServices } from '../phase-api/define-phase.js';
import { surveyModule, type ModuleSurvey, type SurveyedCallable } from './module-survey.js';
import { familyOf } from './name-words.js';
import { bigramCounts, similarity } from './token-similarity.js';
import { isTestFile } from './test-files.js';

export interface ClusterMember {
  file: string;
  /** The cluster's names this module exports, in source order. */
  names: string[];
  /** How many files of the repo import or re-export from this one. */
  importers: number;
}

export interface CandidateCluster {
  /** `*Manager` for a family of classes, the name itself for one name declared by several modules. */
  label: string;
  kind: 'family' | 'same-name';
  /** Why these are one thing: the shared parameters and how alike the declarations are. */
  evidence: string;
  /** Best candidate first: the most imported. */
  members: ClusterMember[];
}

/** Declarations with the same parameters this alike are one function copied and edited. */
const SAME_PARAMETERS_SIMILARITY = 0.75;
/** This alike, they are copies whatever their parameters became. */
const NEAR_IDENTICAL_SIMILARITY = 0.9;
/**
 * Their strings and numbers must be this alike too: code that differs only in its data (one
 * function per locale, each with its own phrases) is a pattern repeated, not one thing copied.
 */
const SAME_LITERALS_SIMILARITY = 0.75;
const MAX_CLUSTERS = 5;

interface Declaration extends SurveyedCallable {
  file: string;
  bigrams: Map<string, number>;
  literals: Map<string, number>;
}

export interface CandidateSearch {
  clusters: CandidateCluster[];
  /** How many clusters were found before the list was cut to the first few. */
  found: number;
  /** Clusters of test files alone, left out. */
  inTests: number;
}

export function findCandidateClusters(project: ProjectServices): CandidateSearch {
  const surveys = new Map<string, ModuleSurvey>();
  for (const file of project.files) {
    // Declaration files describe, they do not implement.
    if (/\.d\.[cm]?ts$/.test(file)) continue;
    const text = project.readFile(file);
    if (!text || !text.includes('export')) continue;
    const survey = surveyModule(file, text);
    if (survey) surveys.set(file, survey);
  }
  const importers = countImporters(project, surveys);
  const importersOf = (file: string): number => importers.get(file)?.size ?? 0;

  const clusters = [...sameNameClusters(surveys, importersOf), ...familyClusters(surveys, importersOf)];
  const weight = (cluster: CandidateCluster): number => cluster.members.reduce((sum, member) => sum + member.importers, 0);
  clusters.sort((a, b) => weight(b) - weight(a) || b.members.length - a.members.length || a.label.localeCompare(b.label));

  // A cluster inside one already listed says nothing new. Tests repeat fixtures by design (each
  // its own `Post` entity): a cluster of test files alone is counted, not suggested.
  const listed: CandidateCluster[] = [];
  let inTests = 0;
  for (const candidate of clusters) {
    const files = candidate.members.map((member) => member.file);
    if (files.every(isTestFile)) inTests++;
    else if (!listed.some((shown) => files.every((file) => shown.members.some((member) => member.file === file)))) listed.push(candidate);
  }
  return { clusters: listed.slice(0, MAX_CLUSTERS), found: listed.length, inTests };
}

/** File → the files that import, re-export or `export *` from it. */
function countImporters(project: ProjectServices, surveys: ReadonlyMap<string, ModuleSurvey>): Map<string, Set<string>> {
  const importers = new Map<string, Set<string>>();
  for (const [file, survey] of surveys) {
    for (const specifier of new Set(survey.specifiers)) {
      const target = project.resolve(specifier, file);
      if (!target.isFile || target.key === file) continue;
      const set = importers.get(target.key) ?? new Set<string>();
      set.add(file);
      importers.set(target.key, set);
    }
  }
  return importers;
}

function sameNameClusters(surveys: ReadonlyMap<string, ModuleSurvey>, importersOf: (file: string) => number): CandidateCluster[] {
  const byName = new Map<string, Declaration[]>();
  for (const [file, survey] of surveys) {
    for (const callable of survey.callables) {
      const group = byName.get(callable.name) ?? [];
      if (!group.some((declaration) => declaration.file === file)) group.push({ ...callable, file, bigrams: new Map(), literals: new Map() });
      byName.set(callable.name, group);
    }
  }
  const clusters: CandidateCluster[] = [];
  for (const [name, group] of byName) {
    if (group.length < 2) continue;
    for (const declaration of group) {
      const tokens = declaration.tokens();
      declaration.bigrams = bigramCounts(tokens);
      declaration.literals = literalCounts(tokens);
    }
    // Copies link pairwise; a cluster is a connected group (a copy of a copy belongs too).
    const parent = group.map((_, index) => index);
    const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index]!)));
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const first = group[a]!;
        const second = group[b]!;
        if (first.kind !== second.kind) continue;
        const sameParameters = first.parameters.join() === second.parameters.join();
        const alike = similarity(first.bigrams, second.bigrams);
        const copied = alike >= NEAR_IDENTICAL_SIMILARITY || (sameParameters && alike >= SAME_PARAMETERS_SIMILARITY);
        if (copied && similarity(first.literals, second.literals) >= SAME_LITERALS_SIMILARITY) {
          parent[root(b)] = root(a);
        }
      }
    }
    const components = new Map<number, Declaration[]>();
    group.forEach((declaration, index) => components.set(root(index), [...(components.get(root(index)) ?? []), declaration]));
    for (const members of components.values()) {
      if (members.length < 2) continue;
      const parameters = members[0]!.parameters;
      const sameParameters = members.every((member) => member.parameters.join() === parameters.join());
      const alike = Math.min(...pairwise(members));
      const evidence = `${sameParameters ? `same parameters (${parameters.join(', ') || 'none'})` : 'different parameters'}, declarations ${Math.floor(alike * 100)}% alike or more`;
      clusters.push({ label: name, kind: 'same-name', evidence, members: rank(members.map((member) => ({ file: member.file, names: [name], importers: importersOf(member.file) }))) });
    }
    for (const declaration of group) {
      declaration.bigrams = new Map();
      declaration.literals = new Map();
    }
  }
  return clusters;
}

/** The declaration's strings, numbers and templates, with their counts. */
function literalCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) if (LITERAL_TOKEN.test(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
const LITERAL_TOKEN = /^(string|num):/;

/** The similarity of each member to its closest other member: the weakest link says how alike the cluster is. */
function pairwise(members: readonly Declaration[]): number[] {
  return members.map((member) => Math.max(...members.filter((other) => other !== member).map((other) => similarity(member.bigrams, other.bigrams))));
}

function familyClusters(surveys: ReadonlyMap<string, ModuleSurvey>, importersOf: (file: string) => number): CandidateCluster[] {
  const membersByFamily = new Map<string, Map<string, string[]>>();
  const renamedFamilies = new Set<string>();
  const add = (family: string, file: string, name: string): void => {
    const members = membersByFamily.get(family) ?? new Map<string, string[]>();
    const names = members.get(file) ?? [];
    if (!names.includes(name)) names.push(name);
    members.set(file, names);
    membersByFamily.set(family, members);
  };
  for (const [file, survey] of surveys) {
    for (const name of survey.classNames) {
      const family = familyOf(name);
      if (family) add(family, file, name);
    }
    for (const alias of survey.aliases) {
      const family = familyOf(alias.original);
      if (family === undefined || familyOf(alias.name) !== family) continue;
      renamedFamilies.add(family);
      add(family, file, alias.name);
    }
  }
  const clusters: CandidateCluster[] = [];
  for (const [family, members] of membersByFamily) {
    // Sibling classes of one base (`*Parser` subclasses) are a design, not fragmentation; a
    // member handed on under a second name is how competing implementations show.
    if (!renamedFamilies.has(family) || members.size < 3) continue;
    const ranked = rank([...members].map(([file, names]) => ({ file, names, importers: importersOf(file) })));
    clusters.push({ label: `*${family}`, kind: 'family', evidence: `${members.size} modules export ${family} classes, some under a second name`, members: ranked });
  }
  return clusters;
}

/** Most imported first: the module the rest of the repo already leans on. */
function rank(members: ClusterMember[]): ClusterMember[] {
  return members.sort((a, b) => b.importers - a.importers || a.file.localeCompare(b.file));
}

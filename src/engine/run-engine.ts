// The engine: files → prefilter → parse once → detect / apply → a serialisable result.
// It never prints and never touches `process`; progress leaves as events.
import fs from 'node:fs';
import path from 'node:path';
import type { ASTNode } from 'jscodeshift';
import type { SsotConfig } from '../config/schema.js';
import type { FileResult, Finding, Mention, PhaseId, RunResult } from '../result/types.js';
import type { FileContext, Phase, ProjectServices, TypeServices } from '../phase-api/define-phase.js';
import { isTextPhase, type TextPhase } from '../phase-api/text-phase.js';
import { renderAnalysis, type RenderedAnalysis } from '../phase-api/render-message.js';
import { OverlappingEditsError, TextEdits } from '../phase-api/text-edits.js';
import { SsotError } from '../errors.js';
import { createProject, syntaxTreesOf } from './project.js';
import { embeddedKindOf } from './embedded-scripts.js';
import { analysedModules, processEmbedded } from './embedded-files.js';
import { jscodeshiftFor, parseSyntax, type SyntaxTree } from './parsers.js';
import { closeSource, lineOffset, openSource, reconcileLines, type SourceEnvelope } from './source-text.js';
import { createPatch } from './patch.js';
import { contentHash } from './atomic-file.js';
import { needsTranspilerFor, needsTypes, phasesOf } from './phases.js';
import { loadTranspiler } from './load-transform.js';
import { inSelection, type Shard } from './shard.js';
import { repoFileOf } from './paths.js';
import { textHash, type AnalysisInputs, type CachedOutcome, type Hashes, type ScanCache } from './scan-cache.js';
import { loadTypeChecker } from './type-project.js';

export type ProgressEvent = { type: 'start'; phase: PhaseId | 'scan'; total: number } | { type: 'file'; done: number; total: number; file: string } | { type: 'end'; parsed: number; reused: number };

export interface EngineOptions {
  repoRoot: string;
  config: SsotConfig;
  command: 'scan' | 'run';
  /** scan: every phase, each on the original text; run: exactly one phase. */
  phases: readonly PhaseId[];
  onProgress?: (event: ProgressEvent) => void;
  /** Reuse a project already set up (tests, or several commands in one process). */
  project?: ProjectServices;
  /** Only this shard of the files (CI matrices; `merge` puts the shards back together). */
  shard?: Shard;
  /** Only these repo-relative files of the scope (`--changed-since`). */
  only?: ReadonlySet<string>;
  /** Only every COUNTth file of the selection, from the INDEXth: one worker thread's part (see parallel-engine.ts). */
  part?: Shard;
  /** scan only: reuse the results of files unchanged since the cached scan, and update it. */
  cache?: ScanCache;
}

export interface PreparedPhase {
  id: PhaseId;
  /** A built-in phase (the engine parses for it), or a text phase that parses by itself. */
  phase: Phase<unknown> | TextPhase<unknown>;
  state: unknown;
}

/**
 * Loads what these phases need before `runEngine`: the type checker for type-aware phases,
 * TypeScript's transpiler for a configured transform written in TypeScript.
 */
export async function loadPhaseDependencies(ids: readonly PhaseId[], config?: SsotConfig): Promise<void> {
  if (needsTypes(ids)) await loadTypeChecker();
  if (needsTranspilerFor(ids, config)) await loadTranspiler();
}

export function runEngine(options: EngineOptions): RunResult {
  const project = options.project ?? createProject({ repoRoot: options.repoRoot, config: options.config });
  const cache = options.command === 'scan' ? options.cache : undefined;
  const reads = cache ? trackReads(project) : undefined;
  // Phase by phase, so what each one's state was built from is known (see sourcesOfState).
  const prepared: PreparedPhase[] = [];
  const sources = new Set<string>();
  for (const id of options.phases) {
    const [phase] = preparePhases(reads?.project ?? project, [id]);
    prepared.push(phase!);
    if (reads) for (const file of sourcesOfState(phase!, reads)) sources.add(file);
  }
  const stateSources = [...sources].sort();
  if (options.command === 'run' && prepared.length !== 1) throw new Error('run takes exactly one phase');

  const emit = options.onProgress ?? (() => {});
  const selected = project.files.filter((file) => inSelection(file, options)).filter((_file, index) => !options.part || index % options.part.count === options.part.index - 1);
  const hashOf = (file: string): string => textHash(project.readFile(file));
  const hashesOf = (files: Iterable<string>): Hashes => Object.fromEntries([...new Set(files)].sort().map((file) => [file, hashOf(file)]));
  const typeCandidate = (file: string): boolean => isTypeCandidate(project, prepared, file);
  const candidates = cache ? candidateModules(project, prepared) : [];
  const cached = cache?.reusable({ files: selected, stateSources, candidates, hashOf, isTypeCandidate: typeCandidate });
  const reused = cached?.outcomes ?? new Map<string, Outcome>();
  // Type analysis is all or nothing: its cross-file facts (who uses a shared instance) cover
  // every candidate in scope, in every shard, so results never depend on how a run was cut.
  // A cached scan needs it only to visit a type candidate (see scan-cache.ts).
  const analysed = !cache || selected.some((file) => !reused.has(file) && typeCandidate(file));
  let analysisReads: string[] = [];
  if (analysed) {
    reads?.files.clear();
    analyseCandidates(project, prepared, project.files, reads?.project);
    analysisReads = [...(reads?.files ?? [])];
  }
  const total = selected.length;
  emit({ type: 'start', phase: options.command === 'run' ? prepared[0]!.id : 'scan', total });
  const files: FileResult[] = [];
  const outcomes = new Map<string, Outcome>();
  const fileReads = new Map<string, Hashes>(cached?.reads);
  let parsed = 0;
  const parse = treeParser(project);
  selected.forEach((file, index) => {
    if (reads) {
      reads.current = file;
      reads.files.clear();
    }
    const outcome = reused.get(file) ?? processFile(project, file, prepared, options.command, parse);
    if (reads && !reused.has(file) && reads.files.size > 0) fileReads.set(file, hashesOf(reads.files));
    if (cache && (outcome.file || outcome.parsed)) outcomes.set(file, outcome);
    if (outcome.parsed) parsed++;
    if (outcome.file) files.push(outcome.file);
    emit({ type: 'file', done: index + 1, total, file });
  });
  emit({ type: 'end', parsed, reused: reused.size });
  if (cache && reads) {
    // Without a fresh analysis, the cached one still holds, unless a visit asked for types itself.
    const analysis: AnalysisInputs | undefined = analysed
      ? { candidates, sources: hashesOf([...analysisReads, ...typeSources(reads), ...project.files.filter(typeCandidate)]) }
      : reads.usedTypes
        ? undefined
        : cached?.analysis;
    cache.save({
      hashes: hashesOf(selected),
      stateSources: hashesOf(stateSources),
      ...(analysis ? { analysis } : {}),
      results: Object.fromEntries(outcomes),
      reads: Object.fromEntries(fileReads),
    });
  }
  if (options.command === 'run') addDeletions(project, prepared[0]!, files, new Set(selected));
  // Notices are about the whole scope: the first part of a parallel run says them for all.
  const notices =
    !options.part || options.part.index === 1
      ? prepared.flatMap(({ id, phase, state }) => ((isTextPhase(phase) ? undefined : phase.notices?.(state)) ?? []).map((message) => ({ phase: id, message })))
      : [];
  return {
    command: options.command,
    phases: [...options.phases],
    repo: project.repoRoot,
    files,
    filesScanned: total,
    filesParsed: parsed,
    ...(notices.length > 0 ? { notices } : {}),
    // What the shard ran on, for merge to tell a shard of another config or tree.
    ...(options.shard ? { shard: { ...options.shard, scope: contentHash(JSON.stringify([options.config, project.files])) } } : {}),
  };
}

/** Prepares phases for `processText` outside a full run (fixture tests, one-file tools). */
export function preparePhases(project: ProjectServices, ids: readonly PhaseId[]): PreparedPhase[] {
  return ids.map((id) => {
    const phase = phasesOf(project.config).find((entry) => entry.id === id)?.phase as Phase<unknown> | TextPhase<unknown> | undefined;
    if (!phase) throw new SsotError('PHASE_UNKNOWN', `"${id}" is not a phase of this config`);
    return { id, phase, state: phase.prepare(project) };
  });
}

type Outcome = CachedOutcome;

interface ReadTracker {
  project: ProjectServices;
  /** Files the phases read beyond the one being processed. */
  files: Set<string>;
  current: string | undefined;
  usedTypes: boolean;
}

/** The project as the phases see it, recording what they read: what a cached result depends on. */
function trackReads(project: ProjectServices): ReadTracker {
  const tracker: ReadTracker = { project, files: new Set(), current: undefined, usedTypes: false };
  const note = (file: string): void => {
    if (file !== tracker.current) tracker.files.add(file);
  };
  tracker.project = {
    ...project,
    readFile: (file) => (note(file), project.readFile(file)),
    parseFile: (file) => (note(file), project.parseFile(file)),
    parseSyntaxTree: (file, text) => (note(file), project.parseSyntaxTree(file, text)),
    moduleRecord: (file) => (note(file), project.moduleRecord(file)),
    types: () => ((tracker.usedTypes = true), project.types()),
  };
  return tracker;
}

/**
 * The files a phase's cross-file state came from. A phase that names them frees the cache from
 * everything else it read while preparing (phase 1 reads every file to find barrels); for one
 * that does not, everything it read counts.
 */
function sourcesOfState({ phase, state }: PreparedPhase, reads: ReadTracker): string[] {
  const sources = phase.stateSources ? [...phase.stateSources(state)] : [...reads.files];
  reads.files.clear();
  return sources;
}

/** The repo files the type checker loaded (sources of types a result may depend on). */
function typeSources(reads: ReadTracker): string[] {
  if (!reads.usedTypes) return [];
  const types = reads.project.types();
  return types.project
    .getProgram()
    .compilerObject.getSourceFiles()
    .flatMap((sourceFile) => repoFileOf(reads.project.repoRoot, sourceFile.fileName) ?? []);
}

function isTypeCandidate(project: ProjectServices, phases: PreparedPhase[], file: string): boolean {
  const text = project.readFile(file);
  return text !== undefined && phases.some(({ phase, state }) => !isTextPhase(phase) && phase.analyse !== undefined && phase.mayMatter(text, state, file));
}

/**
 * The modules the type analysis would be given, as `phase:module`. Listing them is no analysis:
 * a component's code blocks are not handed to the type checker here.
 */
function candidateModules(project: ProjectServices, phases: PreparedPhase[]): string[] {
  const listing: ProjectServices = { ...project, types: () => ({ setText: () => undefined }) as unknown as TypeServices };
  return phases.flatMap(({ id, phase, state }) =>
    isTextPhase(phase) || !phase.analyse ? [] : analysedModules(project, project.files, (file, text) => phase.mayMatter(text, state, file), listing).map((module) => `${id}:${module}`),
  );
}

/** Gives the phases that analyse across files the files their prefilter keeps. */
function analyseCandidates(project: ProjectServices, phases: PreparedPhase[], files: readonly string[], phasesProject = project): void {
  for (const { phase, state } of phases) {
    if (isTextPhase(phase) || !phase.analyse) continue;
    // Choosing the candidates is the engine's reading, not a dependency of any result.
    // A component file stands for its code blocks, each a module of its own.
    const candidates = analysedModules(project, files, (file, text) => phase.mayMatter(text, state, file), phasesProject);
    phase.analyse(candidates, state, phasesProject);
  }
}

/**
 * The files the phase removes, as deletions in the result. None when a file of the run failed:
 * a consumer left unrewritten would import a file that is gone.
 */
function addDeletions(project: ProjectServices, { phase, state }: PreparedPhase, files: FileResult[], selected: ReadonlySet<string>): void {
  const doomed = (isTextPhase(phase) ? [] : (phase.deletions?.(state) ?? [])).filter(({ file }) => selected.has(file));
  if (doomed.length === 0 || files.some((file) => file.status === 'error' || file.status === 'skipped')) return;
  for (const { file, ...why } of doomed) {
    const text = project.readFile(file);
    if (text === undefined) continue;
    const index = files.findIndex((result) => result.file === file);
    const existing = index === -1 ? undefined : files[index];
    const deletion: FileResult = {
      file,
      status: 'deleted',
      findingsBefore: existing?.findingsBefore ?? [],
      findingsAfter: [],
      mentions: existing?.mentions ?? [],
      patch: createPatch(file, text, undefined),
      deletion: why,
      sourceHash: contentHash(text),
    };
    if (existing) files[index] = deletion;
    else files.push(deletion);
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Parses a file for its visit: the tree the phases' preparation already made of the text, if it kept one. */
type TreeParser = (file: string, text: string) => SyntaxTree;

function treeParser(project: ProjectServices): TreeParser {
  const trees = syntaxTreesOf(project);
  return trees ? (file, text) => trees.take(file, text) : parseSyntax;
}

function processFile(project: ProjectServices, file: string, phases: PreparedPhase[], command: 'scan' | 'run', parse: TreeParser): { file?: FileResult; parsed: boolean } {
  const text = project.readFile(file);
  if (text === undefined) {
    // A file that cannot be rewritten safely matters only if it might mention a module of the
    // migration: the prefilter reads its raw bytes to tell.
    const raw = readRaw(project.repoRoot, file);
    if (raw !== undefined && !phases.some(({ phase, state }) => phase.mayMatter(raw, state, file))) return { parsed: false };
    return { parsed: false, file: { file, status: 'skipped', findingsBefore: [], findingsAfter: [], mentions: [], error: `${file}: ${project.readProblem(file) ?? 'cannot be read; skipped'}` } };
  }
  const embedded = embeddedKindOf(file);
  if (embedded) return processEmbedded(file, text, embedded, phases, (module, code) => processText(module, code, phases, command, parse));
  return processText(file, text, phases, command, parse);
}

/**
 * One file's text through the phases: the unit the engine repeats for every file. A failure
 * here (a bug in a transform, an input it cannot handle) fails this file, not the run.
 */
export function processText(file: string, text: string, phases: PreparedPhase[], command: 'scan' | 'run', parse: TreeParser = parseSyntax): { file?: FileResult; parsed: boolean } {
  try {
    return transformText(file, text, phases, command, parse);
  } catch (error) {
    const frame = String((error as Error)?.stack ?? '')
      .split('\n')[1]
      ?.trim();
    return {
      parsed: true,
      file: {
        file,
        status: 'error',
        findingsBefore: [],
        findingsAfter: [],
        mentions: [],
        error: `${file}: internal error while processing (${firstLine(error)}${frame ? `, ${frame}` : ''}); nothing written`,
      },
    };
  }
}

type TreePhase = PreparedPhase & { phase: Phase<unknown> };
type PreparedTextPhase = PreparedPhase & { phase: TextPhase<unknown> };

function transformText(file: string, text: string, phases: PreparedPhase[], command: 'scan' | 'run', parse: TreeParser): { file?: FileResult; parsed: boolean } {
  const interested = phases.filter(({ phase, state }) => phase.mayMatter(text, state, file));
  if (interested.length === 0) return { parsed: false };
  const textPhases = interested.filter((prepared): prepared is PreparedTextPhase => isTextPhase(prepared.phase));
  const treePhases = interested.filter((prepared): prepared is TreePhase => !isTextPhase(prepared.phase));
  if (textPhases.length === 0) return transformTree(file, text, treePhases, command, parse);
  if (command === 'run') return rewriteWhole(file, text, textPhases[0]!);
  // A scan: the built-in phases share one parse; each text phase reads the same original text.
  const tree = treePhases.length > 0 ? transformTree(file, text, treePhases, 'scan', parse) : { parsed: false };
  return { parsed: true, file: scanTextPhases(file, text, textPhases, tree.file) };
}

/** What the text phases find in a file, added to what the built-in phases found there. */
function scanTextPhases(file: string, text: string, phases: PreparedTextPhase[], treeResult: FileResult | undefined): FileResult {
  const result: FileResult = treeResult
    ? { ...treeResult, findingsBefore: [...treeResult.findingsBefore], findingsAfter: [...treeResult.findingsAfter] }
    : { file, status: 'unchanged', findingsBefore: [], findingsAfter: [], mentions: [] };
  for (const { id, phase, state } of phases) {
    try {
      const { findings } = renderAnalysis(phase.meta, { findings: phase.rewrite(file, text, state).findings, mentions: [] });
      result.findingsBefore.push(...findings);
      result.findingsAfter.push(...findings);
    } catch (error) {
      result.status = 'error';
      result.error = transformFailure(file, id, error);
    }
  }
  return result;
}

/**
 * One text phase's rewrite of a file, held to what the engine holds every phase to: the new text
 * parses (with the parser the transform used), and a second run on it changes nothing.
 */
function rewriteWhole(file: string, text: string, { id, phase, state }: PreparedTextPhase): { file: FileResult; parsed: boolean } {
  const failed = (message: string, before: RenderedAnalysis = { findings: [], mentions: [] }): { file: FileResult; parsed: boolean } => ({
    parsed: true,
    file: { ...resultOf(file, 'error', before, before), error: message },
  });
  let first;
  try {
    first = phase.rewrite(file, text, state);
  } catch (error) {
    return failed(transformFailure(file, id, error));
  }
  const before = renderAnalysis(phase.meta, { findings: first.findings, mentions: [] });
  if (first.text === undefined) return { parsed: true, file: resultOf(file, 'unchanged', before, before) };
  const newText = first.text;
  try {
    first.assertParses(newText);
  } catch (error) {
    return failed(`${file}: the text transform ${id} returned does not parse (${firstLine(error)}); nothing written`, before);
  }
  let second;
  try {
    second = phase.rewrite(file, newText, state);
  } catch (error) {
    return failed(`${file}: transform ${id} fails on its own output (${firstLine(error)}), so a second run would fail; nothing written`, before);
  }
  if (second.text !== undefined) {
    return failed(`${file}: transform ${id} changes its own output again, so a second run would change the file again; nothing written`, before);
  }
  // What the transform reported while changing the file stays for a human to check, though a
  // second run, with nothing left to change, may not report it again.
  const reported = new Set(second.findings.map((finding) => `${finding.kind}\0${finding.messageId}\0${JSON.stringify(finding.data)}`));
  const kept = first.findings.filter((finding) => !finding.fixable && !reported.has(`${finding.kind}\0${finding.messageId}\0${JSON.stringify(finding.data)}`));
  const after = renderAnalysis(phase.meta, { findings: [...kept, ...second.findings], mentions: [] });
  return { parsed: true, file: { ...resultOf(file, 'changed', before, after), patch: createPatch(file, text, newText), newText, sourceHash: contentHash(text) } };
}

function transformFailure(file: string, id: PhaseId, error: unknown): string {
  return `${file}: transform ${id} failed on this file (${firstLine(error)}); nothing written`;
}

/** The built-in phases on one parse of the file: detect, and for a run, apply and check. */
function transformTree(file: string, text: string, interested: TreePhase[], command: 'scan' | 'run', parse: TreeParser): { file?: FileResult; parsed: boolean } {
  const envelope = openSource(text);
  // One parse serves every phase: Babel's own tree when all of them edit text, else recast's
  // (a scan's phases only read it). A run has one phase, whose edit model decides.
  const editsText = interested.every(({ phase }) => phase.editModel === 'text');
  let context: FileContext;
  try {
    context = parseContext(file, envelope.body, editsText, parse);
  } catch (error) {
    return { parsed: true, file: skipped(file, error) };
  }

  const before: RenderedAnalysis = { findings: [], mentions: [] };
  for (const { phase, state } of interested) merge(before, renderAnalysis(phase.meta, phase.detect(context, state)));
  shiftLines(before, lineOffset(envelope));
  if (command === 'scan' || !before.findings.some((finding) => finding.fixable)) {
    return { parsed: true, file: resultOf(file, 'unchanged', before, before) };
  }

  const { phase, state } = interested[0]!;
  const changed = phase.apply(context, state);
  let newText: string;
  try {
    newText = changed ? print(context, envelope) : text;
  } catch (error) {
    if (!(error instanceof OverlappingEditsError)) throw error;
    const line = envelope.body.slice(0, error.second.start).split('\n').length + lineOffset(envelope);
    return { parsed: true, file: { ...resultOf(file, 'error', before, before), error: `${file}:${line}: phase ${phase.meta.id} made ${firstLine(error)} (a bug in the phase); nothing written` } };
  }
  if (newText === text) return { parsed: true, file: resultOf(file, 'unchanged', before, before) };

  // Parse before write: a rewrite that does not parse is an error, never a write.
  let after: FileContext;
  try {
    const newEnvelope = openSource(newText);
    after = parseContext(file, newEnvelope.body, editsText);
  } catch (error) {
    return { parsed: true, file: { ...resultOf(file, 'error', before, before), error: `${file}: the rewritten text does not parse (${firstLine(error)}); nothing written` } };
  }
  const afterAnalysis = renderAnalysis(phase.meta, phase.detect(after, state));
  shiftLines(afterAnalysis, lineOffset(envelope));
  // A rewrite that leaves something it could fix is incomplete (a second run would change more):
  // refuse it rather than write half a change.
  const leftover = afterAnalysis.findings.filter((finding) => finding.fixable);
  if (leftover.length > 0) {
    const first = leftover[0]!;
    return {
      parsed: true,
      file: {
        ...resultOf(file, 'error', before, before),
        error: `${file}:${first.line}:${first.column}: the rewrite is incomplete (${leftover.length} fixable left: ${first.message}); nothing written`,
      },
    };
  }
  return { parsed: true, file: { ...resultOf(file, 'changed', before, afterAnalysis), patch: createPatch(file, text, newText), newText, sourceHash: contentHash(text) } };
}

function parseContext(file: string, body: string, editsText: boolean, parse: TreeParser = parseSyntax): FileContext {
  const j = jscodeshiftFor(file);
  // Babel's File is the tree ast-types walks; its TypeScript types are Babel's own.
  const root = editsText ? j(parse(file, body) as unknown as ASTNode) : j(body);
  return { file, source: body, j, root, edits: new TextEdits(body), touched: [] };
}

function readRaw(repoRoot: string, file: string): string | undefined {
  try {
    return fs.readFileSync(path.join(repoRoot, file), 'latin1');
  } catch {
    return undefined;
  }
}

function print(context: FileContext, envelope: SourceEnvelope): string {
  if (context.edits.size > 0) {
    if (context.touched.length > 0) throw new Error(`${context.file}: a phase edited both the tree and the text in one apply`);
    return closeSource(envelope, context.edits.apply());
  }
  const printed = context.root.toSource({ lineTerminator: '\n', quote: envelope.quote });
  return closeSource(envelope, reconcileLines(envelope.body, printed, context.touched, envelope));
}

function resultOf(file: string, status: FileResult['status'], before: RenderedAnalysis, after: RenderedAnalysis): FileResult {
  return { file, status, findingsBefore: before.findings, findingsAfter: after.findings, mentions: before.mentions };
}

function skipped(file: string, error: unknown): FileResult {
  const location = (error as { loc?: { line: number; column: number } }).loc;
  const where = location ? `${file}:${location.line}:${location.column + 1}` : file;
  return { file, status: 'skipped', findingsBefore: [], findingsAfter: [], mentions: [], error: `${where}: cannot be parsed (${firstLine(error).replace(/\s*\(\d+:\d+\)$/, '')}); skipped` };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

function merge(into: RenderedAnalysis, from: RenderedAnalysis): void {
  into.findings.push(...from.findings);
  // Phases that read the same comment each list it: one mention per place.
  const placed = (mention: Mention): boolean => into.mentions.some((seen) => seen.line === mention.line && seen.column === mention.column);
  into.mentions.push(...from.mentions.filter((mention) => !placed(mention)));
}

function shiftLines(analysis: { findings: Finding[]; mentions: Mention[] }, offset: number): void {
  if (offset === 0) return;
  for (const item of [...analysis.findings, ...analysis.mentions]) item.line += offset;
}

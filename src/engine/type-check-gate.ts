// The type-check gate: TypeScript's diagnostics for the files a run changes, and the files that
// import them, before and after the change, in memory. A change that adds a diagnostic is
// blocked (not written); the rest goes through. Diagnostics that were already there do not count.
import fs from 'node:fs';
import path from 'node:path';
import type { ts } from 'ts-morph';
import { SsotError } from '../errors.js';
import type { FileResult, RunResult } from '../result/types.js';
import { hunkAtLine, hunkHeader, hunksOf } from '../result/file-diff.js';
import { isInside, repoFileOf, toPosix } from './paths.js';
import { embeddedKindOf } from './embedded-scripts.js';
import { isIndexFile, stripExtension } from '../shared/file-extensions.js';
import { projectOwning, readTsProjects, type TsProject } from './tsconfig-projects.js';
import { libFileText, loadTypeScript, type LoadedTypeScript, type TypeScript } from './typescript.js';
import { ParsedSourceFiles } from './parsed-source-files.js';

export interface GateDiagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
  /** The hunk of the change that the diagnostic falls in, when it is in a changed file. */
  hunk?: string;
}

export interface GateResult {
  /** Files whose diagnostics were compared: changed files and their importers that a program contained. */
  checked: number;
  /** New diagnostics, by the changed file they block. */
  blocked: Map<string, GateDiagnostic[]>;
  /** Changed files that no project of the tsconfig contains: blocked too, as nothing checked them. */
  unowned: string[];
  /** The tsconfig checked with, repo-relative. */
  tsconfig: string;
}

/** Progress while the gate runs: how many files it type-checks, then each one as it is compared. */
export type GateProgressEvent =
  { type: 'type-check-start'; files: number; projects: number; round: number } | { type: 'type-check-file'; done: number; total: number; file: string } | { type: 'type-check-end'; checked: number };

export interface GateInput {
  repoRoot: string;
  /** The tsconfig to type-check with (absolute); its project references are followed. */
  tsconfig: string;
  /** Changed and deleted files with their new text (`newText` undefined for a deletion). */
  changes: readonly FileResult[];
  onProgress?: (event: GateProgressEvent) => void;
}

/** The tsconfig the gate uses, or undefined when the repo has none (then there is no gate). */
export function findTsconfig(repoRoot: string, configured: string | undefined): string | undefined {
  const candidate = path.resolve(repoRoot, configured ?? 'tsconfig.json');
  return fs.statSync(candidate, { throwIfNoEntry: false })?.isFile() ? candidate : undefined;
}

/** A file the gate compares, the project it is checked in, and the pending changes it imports. */
interface Affected {
  file: string;
  project: TsProject;
  imports: string[];
}

export async function verifyChanges(input: GateInput): Promise<GateResult> {
  const loaded = await loadTypeScript();
  const typescript = loaded.ts;
  const emit = input.onProgress ?? (() => {});
  const projects = readTsProjects(typescript, input.tsconfig, input.repoRoot);
  const absolute = (file: string): string => path.normalize(path.join(input.repoRoot, file));
  const nearest = nearestProjects(typescript, projects, input.repoRoot);
  const owners = new Map<string, TsProject>();
  const unowned: string[] = [];
  for (const change of input.changes) {
    const owner = projectOwning(projects, absolute(change.file)) ?? nearest(absolute(change.file));
    if (owner) owners.set(change.file, owner);
    else unowned.push(change.file);
  }
  // Each file is read from disk once, whether to look for importers or for any program.
  const texts = new Map<string, string | undefined>();
  const readText = (file: string): string | undefined => {
    const key = path.normalize(file);
    if (!texts.has(key)) texts.set(key, typescript.sys.readFile(key));
    return texts.get(key);
  };
  const parsed = new ParsedSourceFiles(typescript);
  const checks = new Map<TsProject, ProjectCheck>();
  const checkOf = (project: TsProject): ProjectCheck => {
    let check = checks.get(project);
    if (!check) checks.set(project, (check = new ProjectCheck(loaded, project, projects, input.repoRoot, readText, parsed)));
    return check;
  };
  const importers = findImporters(typescript, projects, new Set(owners.keys()), input.repoRoot, readText);

  let pending = input.changes.filter((change) => owners.has(change.file));
  const blocked = new Map<string, GateDiagnostic[]>();
  const checked = new Set<string>();
  // Blocking one file can break another that relied on it: check again without it, a few times.
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const pendingFiles = new Set(pending.map((change) => change.file));
    const affected: Affected[] = pending.filter((change) => change.status !== 'deleted').map((change) => ({ file: change.file, project: owners.get(change.file)!, imports: [] }));
    for (const [file, { project, imports }] of importers) {
      const live = imports.filter((target) => pendingFiles.has(target));
      if (live.length > 0 && !pendingFiles.has(file)) affected.push({ file, project, imports: live });
    }
    const byProject = groupBy(affected, (entry) => entry.project);
    emit({ type: 'type-check-start', files: affected.length, projects: byProject.size, round });
    const overrides = new Map(pending.map((change) => [absolute(change.file), change.status === 'deleted' ? undefined : change.newText]));
    let done = 0;
    let newlyBlocked = false;
    for (const [project, entries] of byProject) {
      const check = checkOf(project);
      // The change first: a file without diagnostics after it has none added, so the "before"
      // program is built (reusing the "after" one's parses) only when some file has diagnostics.
      const after = check.after(overrides);
      const diagnosticsAfter = new Map<string, readonly ts.Diagnostic[]>();
      for (const { file } of entries) {
        emit({ type: 'type-check-file', done: ++done, total: affected.length, file });
        const sourceFile = after.getSourceFile(absolute(file));
        if (!sourceFile) continue;
        checked.add(file);
        diagnosticsAfter.set(file, diagnosticsOf(after, sourceFile));
      }
      for (const { file, imports } of entries) {
        const diagnostics = diagnosticsAfter.get(file);
        if (!diagnostics || diagnostics.length === 0) continue;
        const added = addedDiagnostics(typescript, check.diagnosticsBefore(absolute(file)), diagnostics, input.repoRoot);
        if (added.length === 0) continue;
        const change = pending.find((candidate) => candidate.file === file);
        for (const diagnostic of added) if (change?.patch) diagnostic.hunk = hunkAt(change, diagnostic.line);
        // A diagnostic in a changed file blocks that file; in an importer, the changes it imports.
        for (const culprit of change ? [file] : imports) {
          blocked.set(culprit, [...(blocked.get(culprit) ?? []), ...added]);
          newlyBlocked = true;
        }
      }
    }
    if (!newlyBlocked) break;
    pending = pending.filter((change) => !blocked.has(change.file));
  }
  emit({ type: 'type-check-end', checked: checked.size });
  return { checked: checked.size, blocked, unowned, tsconfig: toPosix(path.relative(input.repoRoot, input.tsconfig)) };
}

/**
 * For a file no project of the gate's tsconfig contains: the project of the nearest tsconfig.json
 * in its folders that does (an app, a test folder or a type test with a tsconfig of its own), as
 * an editor finds it. Each project read joins `projects`, so its files' importers are found too.
 * A tsconfig there that cannot be read owns nothing.
 */
function nearestProjects(typescript: TypeScript, projects: TsProject[], repoRoot: string): (file: string) => TsProject | undefined {
  const tried = new Set(projects.map((project) => project.configFile));
  return (file) => {
    for (let folder = path.dirname(file); isInside(repoRoot, folder); folder = path.dirname(folder)) {
      const configFile = path.join(folder, 'tsconfig.json');
      if (!tried.has(configFile) && fs.existsSync(configFile)) {
        tried.add(configFile);
        try {
          projects.push(...readTsProjects(typescript, configFile, repoRoot).filter((project) => !projects.some((known) => known.configFile === project.configFile)));
        } catch {
          // Not the gate's tsconfig: one that does not read is no owner, and no error of this run.
        }
      }
      const owner = projectOwning(projects, file);
      if (owner) return owner;
      // The file system's root is its own parent: a repo there ends the walk here.
      if (folder === path.dirname(folder)) break;
    }
    return undefined;
  };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * One project's programs: "after" each round (the changes in memory) and, only when a file has
 * diagnostics after the change, "before" (the files on disk). Every unchanged file is parsed once
 * (see ParsedSourceFiles) and its SourceFile handed to every later program, of this project or
 * another, so a later program re-parses only the changed files. Only the files asked about are
 * checked: TypeScript binds and checks lazily, per file.
 */
class ProjectCheck {
  private readonly options: ts.CompilerOptions;
  private readonly before = new Map<string, readonly ts.Diagnostic[]>();
  private beforeProgram: ts.Program | undefined;
  private lastProgram: ts.Program | undefined;

  constructor(
    private readonly loaded: LoadedTypeScript,
    private readonly project: TsProject,
    private readonly projects: readonly TsProject[],
    repoRoot: string,
    private readonly readText: (file: string) => string | undefined,
    private readonly parsed: ParsedSourceFiles,
  ) {
    this.options = withRepoCompilerDefaults(project.commandLine.options, repoRoot);
  }

  /** The file's diagnostics without any change: a program built on first need, then kept. */
  diagnosticsBefore(file: string): readonly ts.Diagnostic[] {
    let diagnostics = this.before.get(file);
    if (!diagnostics) {
      this.beforeProgram ??= this.program(new Map());
      const sourceFile = this.beforeProgram.getSourceFile(file);
      this.before.set(file, (diagnostics = sourceFile ? diagnosticsOf(this.beforeProgram, sourceFile) : []));
    }
    return diagnostics;
  }

  after(overrides: ReadonlyMap<string, string | undefined>): ts.Program {
    return this.program(overrides);
  }

  private program(overrides: ReadonlyMap<string, string | undefined>): ts.Program {
    const deleted = (file: string): boolean => overrides.has(path.normalize(file)) && overrides.get(path.normalize(file)) === undefined;
    const program = this.loaded.ts.createProgram({
      rootNames: this.project.commandLine.fileNames.filter((file) => !deleted(file)),
      options: this.options,
      ...(this.project.commandLine.projectReferences ? { projectReferences: this.project.commandLine.projectReferences } : {}),
      host: this.host(overrides),
      ...(this.lastProgram ? { oldProgram: this.lastProgram } : {}),
    });
    this.lastProgram = program;
    return program;
  }

  private host(overrides: ReadonlyMap<string, string | undefined>): ts.CompilerHost {
    const loaded = this.loaded;
    const typescript = loaded.ts;
    const host = typescript.createCompilerHost(this.options, false);
    // As tsc does: JSDoc is parsed only where it can change a type error (JS files, @see/@link).
    host.jsDocParsingMode = typescript.JSDocParsingMode.ParseForTypeErrors;
    const fileExists = host.fileExists.bind(host);
    // The standard library comes from memory (see typescript.ts), the rest from disk or the changes.
    host.getDefaultLibLocation = () => loaded.libFolder;
    host.getDefaultLibFileName = (options) => path.posix.join(loaded.libFolder, typescript.getDefaultLibFileName(options));
    host.fileExists = (file) => (overrides.has(path.normalize(file)) ? overrides.get(path.normalize(file)) !== undefined : libFileText(loaded, file) !== undefined || fileExists(file));
    host.readFile = (file) => (overrides.has(path.normalize(file)) ? overrides.get(path.normalize(file)) : (libFileText(loaded, file) ?? this.readText(file)));
    host.getSourceFile = (file, languageVersionOrOptions) => {
      const text = host.readFile(file);
      return text === undefined ? undefined : this.parsed.sourceFile(file, text, languageVersionOrOptions, this.options);
    };
    // A file of a referenced project is seen as its source, as an editor sees it, not as the
    // declaration file a build would emit (which may not exist, and would not hold the change).
    Object.assign(host, {
      useSourceOfProjectReferenceRedirect: () => true,
      getParsedCommandLine: (configFile: string) => this.projects.find((project) => project.configFile === path.normalize(configFile))?.commandLine,
    });
    return host;
  }
}

function diagnosticsOf(program: ts.Program, sourceFile: ts.SourceFile): readonly ts.Diagnostic[] {
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
}

/**
 * TypeScript 6, the one the tool runs, defaults `strict` on and `types` to none. A repo whose own
 * compiler is older gets that compiler's defaults for what its tsconfig leaves unset: else its
 * globals (`process`, `describe`) would be unknown, and unknown types hide new errors.
 */
function withRepoCompilerDefaults(options: ts.CompilerOptions, repoRoot: string): ts.CompilerOptions {
  const defaults: ts.CompilerOptions = { ignoreDeprecations: '6.0' };
  if ((repoTypeScriptMajor(repoRoot) ?? 5) < 6) {
    if (options.strict === undefined) defaults.strict = false;
    if (options.types === undefined) defaults.types = ['*'];
  }
  return { ...options, ...defaults, noEmit: true };
}

/** The major version of the typescript package the repo installs, if it installs one. */
function repoTypeScriptMajor(repoRoot: string): number | undefined {
  for (let dir = repoRoot; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'typescript', 'package.json'), 'utf8')) as { version?: string };
      const major = Number.parseInt(manifest.version ?? '', 10);
      return Number.isNaN(major) ? undefined : major;
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

/**
 * The repo files that import one of the changed files, each with the project it is checked in
 * (the first that contains it) and the changed files it imports. Only files whose text names a
 * changed file are read for imports (`preProcessFile`, no parse), so the cost follows the change.
 */
function findImporters(
  typescript: TypeScript,
  projects: readonly TsProject[],
  changed: ReadonlySet<string>,
  repoRoot: string,
  readText: (file: string) => string | undefined,
): Map<string, { project: TsProject; imports: string[] }> {
  const importers = new Map<string, { project: TsProject; imports: string[] }>();
  if (changed.size === 0) return importers;
  // An index is named by its folder, which any text may contain: '' matches every file.
  const stems = [...changed].map((file) => (isIndexFile(file) ? '' : stripExtension(path.posix.basename(file))));
  const sources = sourcesOfOutputs(typescript, projects);
  const seen = new Set<string>();
  for (const project of projects) {
    const options = project.commandLine.options;
    const cache = typescript.createModuleResolutionCache(path.dirname(project.configFile), (name) => name, options);
    for (const file of project.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      const relative = repoFileOf(repoRoot, file);
      const text = relative ? readText(file) : undefined;
      if (!relative || text === undefined || !stems.some((stem) => stem === '' || text.includes(stem))) continue;
      const imports = new Set<string>();
      for (const reference of typescript.preProcessFile(text, true, true).importedFiles) {
        const resolved = typescript.resolveModuleName(reference.fileName, file, options, typescript.sys, cache).resolvedModule?.resolvedFileName;
        const target = resolved ? repoFileOf(repoRoot, sources.get(path.normalize(resolved)) ?? resolved) : undefined;
        if (target && target !== relative && changed.has(target)) imports.add(target);
      }
      if (imports.size > 0) importers.set(relative, { project, imports: [...imports] });
    }
  }
  return importers;
}

/** The source file behind each declaration file a referenced project emits (where an import of it lands). */
function sourcesOfOutputs(typescript: TypeScript, projects: readonly TsProject[]): Map<string, string> {
  const sources = new Map<string, string>();
  for (const project of projects) {
    if (!project.commandLine.options.composite && !project.commandLine.options.declaration) continue;
    for (const file of project.commandLine.fileNames) {
      for (const output of typescript.getOutputFileNames(project.commandLine, file, !typescript.sys.useCaseSensitiveFileNames)) {
        if (output.endsWith('.d.ts') || output.endsWith('.d.mts') || output.endsWith('.d.cts')) sources.set(path.normalize(output), file);
      }
    }
  }
  return sources;
}

/** Diagnostics after that were not there before (compared by code and message, as lines move). */
function addedDiagnostics(typescript: TypeScript, before: readonly ts.Diagnostic[], after: readonly ts.Diagnostic[], repoRoot: string): GateDiagnostic[] {
  const message = (diagnostic: ts.Diagnostic): string => typescript.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const key = (diagnostic: ts.Diagnostic): string => `${diagnostic.code}\0${message(diagnostic)}`;
  const remaining = new Map<string, number>();
  for (const diagnostic of before) remaining.set(key(diagnostic), (remaining.get(key(diagnostic)) ?? 0) + 1);
  const added: GateDiagnostic[] = [];
  for (const diagnostic of after) {
    const count = remaining.get(key(diagnostic)) ?? 0;
    if (count > 0) {
      remaining.set(key(diagnostic), count - 1);
      continue;
    }
    const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : { line: 0, character: 0 };
    added.push({
      file: diagnostic.file ? toPosix(path.relative(repoRoot, diagnostic.file.fileName)) : '',
      line: position.line + 1,
      column: position.character + 1,
      code: diagnostic.code,
      message: message(diagnostic),
    });
  }
  return added;
}

/** The `@@` header of the hunk whose new side covers `line`. */
function hunkAt(change: FileResult, line: number): string | undefined {
  const hunk = hunkAtLine(hunksOf(change), line);
  return hunk && hunkHeader(hunk);
}

/**
 * Takes blocked files out of the run: they become errors that name each new diagnostic and its
 * hunk, so the diff, the patch and --write all leave them alone alike.
 */
export function blockFiles(result: RunResult, gate: GateResult): void {
  const unowned = new Set(gate.unowned);
  // A file nothing could check keeps its old text, whose imports the gate cannot see: one may be
  // a file the run deletes, so no deletion goes through. (A blocked file TypeScript reads is
  // checked again with its old text, and blocks the deletions it still needs.)
  const unread = result.files.find((file) => unowned.has(file.file) && file.status === 'changed')?.file;
  result.files = result.files.map((file) => {
    const error = unowned.has(file.file)
      ? notInAnyProject(file.file, gate.tsconfig)
      : (newDiagnostics(file.file, gate.blocked.get(file.file)) ?? (unread && file.status === 'deleted' ? heldBackDeletion(file.file, unread) : undefined));
    if (!error) return file;
    const { patch: _patch, newText: _newText, ...rest } = file;
    return { ...rest, status: 'error' as const, findingsAfter: file.findingsBefore, error };
  });
}

function newDiagnostics(file: string, diagnostics: readonly GateDiagnostic[] | undefined): string | undefined {
  if (!diagnostics) return undefined;
  const first = diagnostics[0]!;
  const where = `${first.file}:${first.line}:${first.column}`;
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  return `${file}: blocked by the type-check gate: ${where} TS${first.code} ${first.message}${first.hunk ? ` [${first.hunk}]` : ''}${more}; not written`;
}

function heldBackDeletion(file: string, unread: string): string {
  return `${file}: kept, not deleted: ${unread} is blocked by the type-check gate and may still import it`;
}

function notInAnyProject(file: string, tsconfig: string): string {
  // TypeScript reads no component file, whatever the tsconfig includes: the fix is another checker.
  if (embeddedKindOf(file)) {
    return `${file}: blocked by the type-check gate: TypeScript does not read ${path.posix.extname(file)} files, so nothing here can type-check it; not written (check it with the framework's own checker, such as vue-tsc, svelte-check or astro check, and pass --no-verify to write it)`;
  }
  const error = new SsotError(
    'GATE_NO_PROJECT',
    `${file}: blocked by the type-check gate: no TypeScript project of ${tsconfig} contains it, nor a tsconfig.json in its folders, so nothing can type-check it; not written`,
  );
  return `${error.message} (${error.fix})`;
}

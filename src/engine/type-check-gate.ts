// The type-check gate: TypeScript's diagnostics for the files a run changes, and the files that
// import them, before and after the change, in memory. A change that adds a diagnostic is
// blocked (not written); the rest goes through. Diagnostics that were already there do not count.
import path from 'node:path';
import ts from 'typescript';
import { SsotError } from '../errors.js';
import type { FileResult, RunResult } from '../result/types.js';
import { toPosix } from './paths.js';
import { isIndexFile, stripExtension } from '../shared/file-extensions.js';

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
  /** Files whose diagnostics were compared. */
  checked: number;
  /** New diagnostics, by the changed file they block. */
  blocked: Map<string, GateDiagnostic[]>;
}

export interface GateInput {
  repoRoot: string;
  /** The tsconfig to type-check with (absolute). */
  tsconfig: string;
  /** Changed and deleted files with their new text (`newText` undefined for a deletion). */
  changes: readonly FileResult[];
}

/** The tsconfig the gate uses, or undefined when the repo has none (then there is no gate). */
export function findTsconfig(repoRoot: string, configured: string | undefined): string | undefined {
  const candidate = path.resolve(repoRoot, configured ?? 'tsconfig.json');
  return ts.sys.fileExists(candidate) ? candidate : undefined;
}

export function verifyChanges(input: GateInput): GateResult {
  const parsed = ts.getParsedCommandLineOfConfigFile(input.tsconfig, { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new SsotError('TSCONFIG_INVALID', `${input.tsconfig}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    },
  });
  if (!parsed) throw new SsotError('TSCONFIG_INVALID', `${input.tsconfig}: cannot be read`);
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
  const absolute = (file: string): string => path.join(input.repoRoot, file);
  const relative = (file: string): string => toPosix(path.relative(input.repoRoot, file));

  let pending = [...input.changes];
  const blocked = new Map<string, GateDiagnostic[]>();
  let checked = 0;
  const before = ts.createProgram(parsed.fileNames, options, hostWith(options, new Map()));
  // Blocking one file can break another that relied on it: check again without it, a few times.
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const overrides = new Map(pending.map((change) => [path.normalize(absolute(change.file)), change.status === 'deleted' ? undefined : change.newText]));
    const rootNames = parsed.fileNames.filter((file) => !(overrides.has(path.normalize(file)) && overrides.get(path.normalize(file)) === undefined));
    const after = ts.createProgram(rootNames, options, hostWith(options, overrides), before);
    const changedPaths = new Set(pending.map((change) => change.file));
    const affected = affectedFiles(after, changedPaths, options, relative);
    checked = Math.max(checked, affected.size);
    let newlyBlocked = false;
    for (const [file, imports] of affected) {
      const added = addedDiagnostics(before, after, absolute(file), relative);
      if (added.length === 0) continue;
      const change = pending.find((candidate) => candidate.file === file);
      for (const diagnostic of added) if (change?.patch) diagnostic.hunk = hunkAt(change.patch, diagnostic.line);
      // A diagnostic in a changed file blocks that file; in an importer, the changes it imports.
      for (const culprit of change ? [file] : imports) {
        blocked.set(culprit, [...(blocked.get(culprit) ?? []), ...added]);
        newlyBlocked = true;
      }
    }
    if (!newlyBlocked) break;
    pending = pending.filter((change) => !blocked.has(change.file));
  }
  return { checked, blocked };
}

function hostWith(options: ts.CompilerOptions, overrides: ReadonlyMap<string, string | undefined>): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => (overrides.has(path.normalize(file)) ? overrides.get(path.normalize(file)) !== undefined : fileExists(file));
  host.readFile = (file) => (overrides.has(path.normalize(file)) ? overrides.get(path.normalize(file)) : readFile(file));
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const key = path.normalize(file);
    if (!overrides.has(key)) return getSourceFile(file, languageVersion, onError, shouldCreate);
    const text = overrides.get(key);
    return text === undefined ? undefined : ts.createSourceFile(file, text, languageVersion, true);
  };
  return host;
}

/**
 * The changed files and the repo files that import one of them, each with the changed files it
 * imports. Found with `preProcessFile` on files whose text names a changed file, so the cost
 * follows the change, not the repo.
 */
function affectedFiles(program: ts.Program, changed: ReadonlySet<string>, options: ts.CompilerOptions, relative: (file: string) => string): Map<string, string[]> {
  const affected = new Map<string, string[]>();
  for (const file of changed) affected.set(file, []);
  // An index is named by its folder, which any text may contain: '' matches every file.
  const stems = [...changed].map((file) => (isIndexFile(file) ? '' : stripExtension(path.posix.basename(file))));
  for (const sourceFile of program.getSourceFiles()) {
    const file = relative(sourceFile.fileName);
    if (file.startsWith('..') || file.includes('node_modules/') || changed.has(file)) continue;
    if (!stems.some((stem) => stem === '' || sourceFile.text.includes(stem))) continue;
    const imports: string[] = [];
    for (const reference of ts.preProcessFile(sourceFile.text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(reference.fileName, sourceFile.fileName, options, ts.sys).resolvedModule;
      const target = resolved ? relative(resolved.resolvedFileName) : undefined;
      if (target && changed.has(target)) imports.push(target);
    }
    if (imports.length > 0) affected.set(file, [...new Set(imports)]);
  }
  return affected;
}

/** Diagnostics of `file` after that were not there before (compared by code and message, as lines move). */
function addedDiagnostics(before: ts.Program, after: ts.Program, file: string, relative: (file: string) => string): GateDiagnostic[] {
  const collect = (program: ts.Program): readonly ts.Diagnostic[] => {
    const sourceFile = program.getSourceFile(file);
    return sourceFile ? [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)] : [];
  };
  const key = (diagnostic: ts.Diagnostic): string => `${diagnostic.code}\0${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  const remaining = new Map<string, number>();
  for (const diagnostic of collect(before)) remaining.set(key(diagnostic), (remaining.get(key(diagnostic)) ?? 0) + 1);
  const added: GateDiagnostic[] = [];
  for (const diagnostic of collect(after)) {
    const count = remaining.get(key(diagnostic)) ?? 0;
    if (count > 0) {
      remaining.set(key(diagnostic), count - 1);
      continue;
    }
    const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : { line: 0, character: 0 };
    added.push({
      file: relative(diagnostic.file?.fileName ?? file),
      line: position.line + 1,
      column: position.character + 1,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    });
  }
  return added;
}

/** The `@@` header of the hunk whose new side covers `line`. */
function hunkAt(patch: string, line: number): string | undefined {
  for (const match of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@.*$/gm)) {
    const start = Number(match[1]);
    const length = match[2] === undefined ? 1 : Number(match[2]);
    if (line >= start && line < start + Math.max(length, 1)) return match[0];
  }
  return undefined;
}

/**
 * Takes blocked files out of the run: they become errors that name each new diagnostic and its
 * hunk, so the diff, the patch and --write all leave them alone alike.
 */
export function blockFiles(result: RunResult, gate: GateResult): void {
  result.files = result.files.map((file) => {
    const diagnostics = gate.blocked.get(file.file);
    if (!diagnostics) return file;
    const first = diagnostics[0]!;
    const where = `${first.file}:${first.line}:${first.column}`;
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
    const { patch: _patch, newText: _newText, ...rest } = file;
    return {
      ...rest,
      status: 'error' as const,
      findingsAfter: file.findingsBefore,
      error: `${file.file}: blocked by the type-check gate: ${where} TS${first.code} ${first.message}${first.hunk ? ` [${first.hunk}]` : ''}${more}; not written`,
    };
  });
}

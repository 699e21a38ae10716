// The shape every phase shares: one rule with two uses, `detect` and `apply`, like an ESLint
// rule with its fixer. `definePhase` only fixes the types; the registry in ../index.ts orders them.
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { SsotConfig } from '../config/schema.js';
import type { DeletionReason, Finding, Mention, PhaseId } from '../result/types.js';
import type { Project, SourceFile } from 'ts-morph';
import type { TextEdits } from './text-edits.js';

export interface PhaseMeta<MessageId extends string = string> {
  id: PhaseId;
  /** The full name, e.g. "import consolidation". */
  title: string;
  description: string;
  /**
   * The text of each finding the phase reports, by messageId, with `{{placeholder}}`s filled
   * from the finding's data (./render-message.ts). Code decides what was found; only this says it.
   */
  messages: Readonly<Record<MessageId, string>>;
}

/** A module as the migration knows it: repo files by repo-relative path, packages by specifier. */
export interface ResolvedModule {
  /**
   * Repo-relative posix path for repo files, the bare specifier for packages, a subpath without
   * its extension (`lib/Thing.js` and `lib/Thing` are one module, `lib/Thing`).
   */
  key: string;
  isFile: boolean;
  /** A package as written, when that differs from its key (`lib/Thing.js`). */
  specifier?: string;
}

/** A tsconfig `paths` entry. */
export interface PathAlias {
  /** The pattern, e.g. `@core/*`. */
  pattern: string;
  /** Its targets relative to the repo root, e.g. `src/*`. */
  targets: string[];
}

/** Type information for the type-aware phases: a ts-morph project holding only what they load. */
export interface TypeServices {
  /** The shared ts-morph project; phases query it and never save it. */
  project: Project;
  /** Whether the repo has a tsconfig: without one, types are guesses and phases must say so. */
  hasTsconfig: boolean;
  /** Adds repo files (repo-relative) to the project, once each, and returns their source files. */
  load(files: readonly string[]): SourceFile[];
  /**
   * The exports of a module as a file at the repo root sees them: a repo file is loaded; a
   * package (from node_modules, `@types`, or a `declare module` in the tsconfig's declaration
   * files) is read through an in-memory module that re-exports it.
   */
  loadModule(module: ResolvedModule): SourceFile;
  /** The source file of a repo file already loaded, or undefined. */
  sourceFile(file: string): SourceFile | undefined;
  /** Puts `text` in place of a repo file's text, in memory only (fixture tests, a rewrite re-checked). */
  setText(file: string, text: string): SourceFile;
  /** The repo-relative path of a source file (for findings), or undefined outside the repo. */
  repoPath(sourceFile: SourceFile): string | undefined;
}

/**
 * A module's import and export statements, read without a tree. `imported` and `from.imported`
 * name an export: a name, 'default', or '*' (a namespace, or all names for `export *`).
 */
export interface ModuleRecord {
  imports: Array<{ specifier: string; bindings: Array<{ imported: string; local: string; typeOnly: boolean }> }>;
  /**
   * exported: undefined for `export * from`. from: set for `export … from` and for an imported
   * binding exported again (`import { a } from 'x'; export { a }`). local: a binding of the module;
   * a default export of an expression has neither.
   */
  exports: Array<{ exported: string | undefined; from?: { specifier: string; imported: string }; local?: string; typeOnly: boolean }>;
}

/** What the engine offers a phase about the repo as a whole. */
export interface ProjectServices {
  repoRoot: string;
  config: SsotConfig;
  /** Repo-relative paths of the files in scope, sorted. */
  files: readonly string[];
  /**
   * The repo's other files of the kinds the engine reads (those the config's include leaves out or
   * its exclude takes out; .gitignore'd ones and node_modules aside), sorted: a run does not
   * change them, and must not break them.
   */
  filesOutsideScope(): readonly string[];
  resolve(specifier: string, fromFile: string): ResolvedModule;
  resolveConfigModule(name: string, field: string): ResolvedModule;
  aliases: readonly PathAlias[];
  baseUrl: string | undefined;
  readFile(file: string): string | undefined;
  /** Why `readFile` gave nothing for a file (binary, not UTF-8, too large, unreadable). */
  readProblem(file: string): string | undefined;
  /** The nearest package.json above a repo file: its folder (repo-relative, '' for the root) and name. */
  packageOf(file: string): { root: string; name: string | undefined } | undefined;
  /** Parses a repo file (Babel's tree, for reading); undefined when it does not exist or does not parse. */
  parseFile(file: string): Collection | undefined;
  /**
   * Parses a repo file with Babel alone, as a phase with `editModel: 'text'` gets it: the node
   * offsets index `source`, the code the phase edits. Undefined as for `parseFile`. With `text`,
   * parses that instead, as the file's kind (a former version of it, say). `reparse` parses an
   * edit of `source` the same way (it throws when that does not parse); `j(code)` would not do:
   * recast parses a copy with tabs expanded and CRLF made LF, so its offsets index another text.
   */
  parseSyntaxTree(file: string, text?: string): { source: string; root: Collection; j: JSCodeshift; reparse(code: string): Collection } | undefined;
  /** A repo file's module record (see ModuleRecord), several times cheaper than a parse; undefined as for `parseFile`. */
  moduleRecord(file: string): ModuleRecord | undefined;
  /**
   * The files earlier `--write` runs of a phase changed, as they were before, from the undo
   * journal: what a later phase needs to know about the repo's past (which facades had importers).
   */
  formerTexts(phase: PhaseId): ReadonlyArray<{ file: string; text: string }>;
  /**
   * Type information (ts-morph), created on first use and shared by the phases of one run. Only
   * the files a phase loads are in it, with what TypeScript resolves from them.
   */
  types(): TypeServices;
  j: JSCodeshift;
}

/** One parsed file, as a phase sees it. */
export interface FileContext {
  file: string;
  source: string;
  j: JSCodeshift;
  root: Collection;
  /**
   * What `apply` changes, as text ranges of `source` (node `start`/`end` offsets index it). The
   * engine applies them, refuses overlapping ones, and keeps every other byte as it was.
   */
  edits: TextEdits;
  /**
   * Line ranges of the original text that an `apply` editing the tree in place changed. The
   * engine keeps every other line byte for byte, whatever recast prints there; the phase records
   * them. A phase edits either the tree or the text, never both in one `apply`.
   */
  touched: Array<{ start: number; end: number }>;
}

/**
 * A finding as a phase reports it: a messageId from its catalogue and the data to fill in. The
 * engine renders `message` (./render-message.ts), so no phase writes, or reads, another's words.
 */
export type FindingReport<MessageId extends string = string> = Omit<Finding, 'message' | 'messageId'> & { messageId: MessageId };

export interface Analysis<MessageId extends string = string> {
  findings: Array<FindingReport<MessageId>>;
  mentions: Mention[];
}

export interface Phase<State = unknown, MessageId extends string = string> {
  meta: PhaseMeta<MessageId>;
  /**
   * How `apply` changes a file. 'text': it records `file.edits` against the source, and its tree
   * is Babel's own, whose node offsets index the source exactly. 'tree' (the default): it edits
   * recast's tree in place and records the lines it changed in `touched`; recast's tree has its offsets in a
   * copy of the text with tabs expanded and line endings normalised, so they index nothing.
   */
  editModel?: 'text' | 'tree';
  /** Cross-file analysis, done once per run before any file is visited. */
  prepare(project: ProjectServices): State;
  /** A cheap text test run before parsing: false means the file cannot matter. */
  mayMatter(text: string, state: State, file: string): boolean;
  detect(file: FileContext, state: State): Analysis<MessageId>;
  /** Rewrites the parsed file in place; returns true when it changed anything. */
  apply(file: FileContext, state: State): boolean;
  /**
   * Whole-repo analysis over the files the prefilter kept, once per run before any file is
   * visited. A type-aware phase asks the type checker here (analyse first, manipulate after),
   * so `detect` and `apply` only look answers up.
   */
  analyse?(candidates: readonly string[], state: State, project: ProjectServices): void;
  /**
   * Files a run of this phase removes (phase 2's facades), each with why, known once every file was visited.
   * The engine withholds them when any file of the run failed, so no import is left dangling.
   */
  deletions?(state: State): ReadonlyArray<{ file: string } & DeletionReason>;
  /**
   * What to say about the run as a whole, once per run after `prepare`: config entries that can
   * match nothing in scope (a misspelt path, a module no file imports any more), so their
   * "0 violations" is not taken for progress.
   */
  notices?(state: State): readonly string[];
  /**
   * The files the prepared state was built from (its cross-file knowledge), read right after
   * `prepare`. A cache of per-file results stays valid while these are unchanged; without it,
   * every file read while preparing counts.
   */
  stateSources?(state: State): readonly string[];
}

export function definePhase<State, MessageId extends string = string>(phase: Phase<State, MessageId>): Phase<State, MessageId> {
  return phase;
}

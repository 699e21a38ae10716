// The serialisable result of a scan or a run: what reporters, the baseline and CI read.
// Everything here is plain data (no functions, no AST nodes) so it survives JSON and workers.

/** The built-in phases, in the order they run. */
export const BUILT_IN_PHASE_IDS = ['imports', 'facades', 'signatures', 'factories'] as const;

export type BuiltInPhaseId = (typeof BUILT_IN_PHASE_IDS)[number];

/**
 * A built-in phase, or the id of a jscodeshift transform the config adds (`transforms[].id`).
 * `string & {}` keeps the built-in ids as completions while any configured id fits.
 */
export type PhaseId = BuiltInPhaseId | (string & {});

export function isBuiltInPhaseId(id: string): id is BuiltInPhaseId {
  return (BUILT_IN_PHASE_IDS as readonly string[]).includes(id);
}

export interface SourceLocation {
  /** Repo-relative path with forward slashes. */
  file: string;
  line: number;
  column: number;
}

/**
 * A violation of a phase's rule. `fixable` findings are what `run <phase>` changes;
 * the others are manual items and carry the reason a human has to act.
 */
export interface Finding extends SourceLocation {
  phase: PhaseId;
  kind: string;
  /** The text, rendered from the phase's `meta.messages[messageId]` with `data`. */
  message: string;
  /** Which message of the phase's catalogue this is: stable while the wording changes. */
  messageId: string;
  /** The values the message's placeholders are filled with. */
  data: Record<string, string | number>;
  fixable: boolean;
  reason?: string;
}

/** Text in a comment or an ordinary string that names a legacy module: not code, not counted. */
export interface Mention extends SourceLocation {
  phase: PhaseId;
  where: 'comment' | 'string';
  text: string;
}

/** `not-parsed`: a kind of file the toolkit does not read (an `.mdx`, say), counted with its `reason`. */
export type FileStatus = 'unchanged' | 'changed' | 'deleted' | 'skipped' | 'error' | 'not-parsed';

/** Why a phase deletes a file, and the line of the file that shows it. */
export interface DeletionReason {
  /** What the file is, e.g. "re-export of UnifiedWebSocketManager". */
  reason: string;
  line?: number;
  /** The text of that line, trimmed. */
  evidence?: string;
}

export interface FileResult {
  file: string;
  status: FileStatus;
  findingsBefore: Finding[];
  findingsAfter: Finding[];
  mentions: Mention[];
  /** Unified diff with a/ and b/ prefixes, present when the file would change; read it with ./file-diff.ts. */
  patch?: string;
  /** Why the file is deleted, when the status is 'deleted'. */
  deletion?: DeletionReason;
  /** New text, present only for changed files and only until written; not serialised in reports. */
  newText?: string;
  error?: string;
  /** Why a file in scope was not parsed (status `not-parsed`). */
  reason?: string;
  /** sha256 of the text the change was computed from: --write refuses a file that differs. */
  sourceHash?: string;
}

/** One of `count` deterministic parts of a run's files (`--shard index/count`, 1-based). */
export interface Shard {
  index: number;
  count: number;
  /** On a shard's result: a hash of the config and the files in scope, which every shard of one run shares. */
  scope?: string;
}

/**
 * A fact about the run as a whole rather than one file: a config entry that can match nothing in
 * scope, so a "0 violations" for it means nothing.
 */
export interface Notice {
  phase: PhaseId;
  message: string;
}

export interface RunResult {
  command: 'scan' | 'run';
  phases: PhaseId[];
  repo: string;
  files: FileResult[];
  filesScanned: number;
  filesParsed: number;
  /** Present when there is something to say about the run as a whole. */
  notices?: Notice[];
  /** Present on the result of one shard; a merge of every shard has none, like an unsharded run. */
  shard?: Shard;
}

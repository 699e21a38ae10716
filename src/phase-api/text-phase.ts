// The shape of a phase that rewrites whole texts and parses them itself: a user's jscodeshift
// transform. The engine prefilters and counts it like any phase but never parses for it.
import type { ProjectServices, PhaseMeta, FindingReport } from './define-phase.js';

/** What a text phase makes of one file's text. */
export interface TextRewrite<MessageId extends string = string> {
  /** The new text; undefined when the file stays as it is. */
  text: string | undefined;
  /** Findings about the text it was given: what would change, and what a human must look at. */
  findings: Array<FindingReport<MessageId>>;
  /** Throws when `text` does not parse with the parser the phase used (the parse before any write). */
  assertParses(text: string): void;
}

export interface TextPhase<State = unknown, MessageId extends string = string> {
  meta: PhaseMeta<MessageId>;
  /** Done once per run, and only for runs that include this phase (a user's module loads here). */
  prepare(project: ProjectServices): State;
  /** A cheap text test run before anything parses: false means the file cannot matter. */
  mayMatter(text: string, state: State, file: string): boolean;
  /** The phase's rewrite of one file's whole text; throws when the phase fails on that file. */
  rewrite(file: string, text: string, state: State): TextRewrite<MessageId>;
  /** The files the prepared state was built from, for the scan cache (see Phase.stateSources). */
  stateSources?(state: State): readonly string[];
}

export function isTextPhase(phase: object): phase is TextPhase<unknown, string> {
  return typeof (phase as { rewrite?: unknown }).rewrite === 'function';
}

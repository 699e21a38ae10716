// A config `transforms` entry as a phase: the user's jscodeshift transform, called in-process with
// jscodeshift's own API and return contract (its Worker.js), behind the engine's prefilter, counts,
// dry run and write path. A file the transform would change is one `would-change` violation;
// each `api.report(message)` is a manual item.
import path from 'node:path';
import jscodeshift, { type JSCodeshift } from 'jscodeshift';
import type { TransformConfig } from '../config/schema.js';
import { containsAnyTerm } from '../shared/term-search.js';
import type { FindingReport } from '../phase-api/define-phase.js';
import type { TextPhase } from '../phase-api/text-phase.js';
import { jscodeshiftFor } from './parsers.js';
import { loadTransform, type LoadedTransform } from './load-transform.js';

const MESSAGES = {
  wouldChange: 'the transform {{transform}} would change this file (first change on this line)',
  report: '{{message}}',
} as const;

type MessageId = keyof typeof MESSAGES;

interface TransformState extends LoadedTransform {
  repoRoot: string;
  /** The parser every file gets when the config or the module names one. */
  fixed: JSCodeshift | undefined;
}

export function jscodeshiftPhase(entry: TransformConfig, index: number): TextPhase<TransformState, MessageId> {
  return {
    meta: {
      id: entry.id,
      title: `jscodeshift transform ${entry.module}`,
      description: `Runs the jscodeshift transform ${entry.module} on the files that mention ${entry.terms.map((term) => `"${term}"`).join(', ')}.`,
      messages: MESSAGES,
    },
    prepare(project) {
      const loaded = loadTransform(project.repoRoot, entry.module, index);
      // As in jscodeshift, the module's own parser wins over the default; the config's over both.
      const parser = entry.parser ?? loaded.parser;
      return { ...loaded, repoRoot: project.repoRoot, fixed: parser === undefined ? undefined : jscodeshift.withParser(parser) };
    },
    mayMatter: (text) => containsAnyTerm(text, entry.terms),
    rewrite(file, text, state) {
      const j = state.fixed ?? jscodeshiftFor(file);
      const reports: string[] = [];
      const api = { j, jscodeshift: j, stats: () => {}, report: (message: string) => void reports.push(String(message)) };
      const out = state.transform({ path: file, source: text }, api, { ...entry.options });
      if (typeof (out as { then?: unknown } | null)?.then === 'function') {
        throw new Error('the transform returned a Promise; transforms run synchronously here, so return the new text itself');
      }
      if (out !== undefined && out !== null && typeof out !== 'string') {
        throw new Error(`the transform returned ${typeof out}; expected the new text (a string), or nothing for no change`);
      }
      // jscodeshift's rule: no text, an empty one or the same one means the file stays as it is.
      const changed = out && out !== text ? out : undefined;
      const findings: Array<FindingReport<MessageId>> = [];
      if (changed !== undefined) {
        findings.push({ phase: entry.id, kind: 'would-change', messageId: 'wouldChange', data: { transform: entry.id }, file, line: firstChangedLine(text, changed), column: 1, fixable: true });
      }
      for (const message of reports) {
        findings.push({ phase: entry.id, kind: 'report', messageId: 'report', data: { message }, file, line: 1, column: 1, fixable: false, reason: message });
      }
      return { text: changed, findings, assertParses: (newText) => void j(newText) };
    },
    stateSources: (state) => {
      const relative = path.relative(state.repoRoot, state.file).split(path.sep).join('/');
      return relative.startsWith('../') || path.isAbsolute(relative) ? [] : [relative];
    },
  };
}

function firstChangedLine(before: string, after: string): number {
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  const index = oldLines.findIndex((line, at) => line !== newLines[at]);
  return (index === -1 ? oldLines.length : index) + 1;
}

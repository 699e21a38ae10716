// Renders a finding's text from its phase's message catalogue, as typescript-eslint renders a
// rule's `meta.messages`: `{{name}}` placeholders are filled from the finding's data. A phase
// decides what it found (messageId and data); only its catalogue says it in words.
import type { Finding, Mention } from '../result/types.js';
import type { Analysis, PhaseMeta } from './define-phase.js';

/** An analysis whose findings carry their rendered text: what the result, reporters and baselines read. */
export interface RenderedAnalysis {
  findings: Finding[];
  mentions: Mention[];
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * The text of `messageId` with its placeholders filled from `data`. A messageId the catalogue
 * lacks, or a placeholder the data lacks, is a bug in the phase: it throws rather than print
 * a half-filled message.
 */
export function renderMessage(messages: Readonly<Record<string, string>>, messageId: string, data: Readonly<Record<string, string | number>>): string {
  const template = Object.hasOwn(messages, messageId) ? messages[messageId] : undefined;
  if (template === undefined) throw new Error(`no message "${messageId}" in the catalogue (it has ${Object.keys(messages).join(', ')})`);
  return template.replace(PLACEHOLDER, (_placeholder, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`message "${messageId}" needs {{${name}}}, which its data lacks`);
    return String(data[name]);
  });
}

/** A phase's analysis with each finding's message rendered from the phase's catalogue. */
export function renderAnalysis(meta: PhaseMeta, analysis: Analysis): RenderedAnalysis {
  const findings = analysis.findings.map((report) => {
    try {
      return { ...report, message: renderMessage(meta.messages, report.messageId, report.data) };
    } catch (error) {
      throw new Error(`phase ${meta.id}: ${(error as Error).message}`, { cause: error });
    }
  });
  return { findings, mentions: analysis.mentions };
}

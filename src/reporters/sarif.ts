// The SARIF 2.1.0 report, for code scanning: one result per remaining violation, one rule per
// phase and kind, skipped files as tool notifications. Read by GitHub code scanning and the
// SARIF viewers, so it keeps to the standard's shapes rather than inventing fields.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { isBuiltInPhaseId, type BuiltInPhaseId, type FileResult, type Finding, type PhaseId, type RunResult } from '../result/types.js';
import { allFindings, filesWithStatus, sortFindings } from '../result/counts.js';

export interface SarifTool {
  name: string;
  version: string;
  /** Where the project lives; rules then link to their phase's section of MIGRATION.md there. */
  informationUri?: string;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

// The numbers and titles of MIGRATION.md's phase headings (`## Phase 1: \`imports\``). A Record
// over the built-in ids, so a new built-in phase does not compile until it has its line here.
const PHASE_SECTIONS: Record<BuiltInPhaseId, { number: number; title: string }> = {
  imports: { number: 1, title: 'Import consolidation' },
  facades: { number: 2, title: 'Facade removal' },
  signatures: { number: 3, title: 'Signature normalisation' },
  factories: { number: 4, title: 'Factory rewiring' },
};

/** The heading a configured jscodeshift transform's findings link to. */
const USER_TRANSFORMS_ANCHOR = 'your-own-jscodeshift-transforms';

/** The GitHub anchor of a phase's MIGRATION.md heading, e.g. `phase-1-imports`. */
export function migrationAnchor(phase: PhaseId): string {
  return isBuiltInPhaseId(phase) ? `phase-${PHASE_SECTIONS[phase].number}-${phase}` : USER_TRANSFORMS_ANCHOR;
}

// Our own fingerprint, versioned as SARIF recommends, so a format change can never make old
// and new alerts look alike. Deliberately not GitHub's `primaryLocationLineHash`: that one
// hashes the line's text, and the upload action fills it in itself when it can read the file.
const FINGERPRINT_KEY = 'ssotMigrate/v1';

export function renderSarif(result: RunResult, tool: SarifTool): string {
  const findings = sortFindings(allFindings(result, 'before'));
  const rules = rulesOf(findings);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const fingerprints = fingerprintsOf(findings);
  const skipped = [...filesWithStatus(result, 'skipped', 'error')].sort((a, b) => a.file.localeCompare(b.file));

  const driver = {
    name: tool.name,
    version: tool.version,
    semanticVersion: /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(tool.version) ? tool.version : undefined,
    informationUri: tool.informationUri,
    rules: rules.map((rule) => ({
      id: rule.id,
      name: rule.name,
      shortDescription: { text: rule.description },
      helpUri: tool.informationUri ? migrationUri(tool.informationUri, rule.phase) : undefined,
      properties: { phase: rule.phase, kind: rule.kind },
    })),
  };

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [
          {
            executionSuccessful: skipped.length === 0,
            toolExecutionNotifications: skipped.map(notificationOf),
          },
        ],
        originalUriBaseIds: {
          '%SRCROOT%': { uri: directoryUri(result.repo), description: { text: 'The root of the scanned repository.' } },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding, index) => {
          const ruleId = ruleIdOf(finding);
          return {
            ruleId,
            ruleIndex: ruleIndex.get(ruleId)!,
            level: finding.fixable ? 'warning' : 'note',
            message: { text: messageOf(finding) },
            locations: [{ physicalLocation: physicalLocationOf(finding.file, finding) }],
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index]! },
            properties: { fixable: finding.fixable },
          };
        }),
      },
    ],
  };
  // JSON.stringify drops the `undefined` optional fields, so absent means absent, never null.
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleIdOf(finding: Finding): string {
  return `${finding.phase}/${finding.kind}`;
}

interface Rule {
  id: string;
  name: string;
  phase: PhaseId;
  kind: string;
  description: string;
}

/** One rule per phase and kind that occurs, sorted by id so rule indexes are stable. */
function rulesOf(findings: readonly Finding[]): Rule[] {
  const rules = new Map<string, Rule>();
  for (const finding of findings) {
    const id = ruleIdOf(finding);
    if (rules.has(id)) continue;
    const phaseTitle = isBuiltInPhaseId(finding.phase) ? PHASE_SECTIONS[finding.phase].title : `Transform ${finding.phase}`;
    rules.set(id, {
      id,
      name: camelCase(`${finding.phase}-${finding.kind}`),
      phase: finding.phase,
      kind: finding.kind,
      description: `${phaseTitle}: ${finding.kind.replace(/-/g, ' ')}`,
    });
  }
  return [...rules.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A hash of rule, file and message, never the line, so an alert survives code moving above it.
 * Identical findings in one file (the same import twice) are told apart by their rank among
 * themselves, which a line move does not change either.
 */
function fingerprintsOf(sortedFindings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return sortedFindings.map((finding) => {
    const identity = [ruleIdOf(finding), finding.file, finding.message].join('\0');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}

function messageOf(finding: Finding): string {
  return finding.fixable || !finding.reason ? finding.message : `${finding.message} — manual: ${finding.reason}`;
}

function physicalLocationOf(file: string, at?: { line: number; column: number }): object {
  // Each segment encoded on its own: a `#` or `?` in a file name is part of the path, not a URI fragment or query.
  const artifactLocation = { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  // A location the parser could not place (line 0) names the file only: SARIF lines start at 1.
  if (!at || at.line < 1) return { artifactLocation };
  return { artifactLocation, region: { startLine: at.line, startColumn: Math.max(1, at.column) } };
}

function notificationOf(file: FileResult): object {
  return {
    level: 'error',
    message: { text: file.error ?? `${file.file}: ${file.status === 'skipped' ? 'skipped' : 'failed'}` },
    locations: [{ physicalLocation: physicalLocationOf(file.file) }],
  };
}

function migrationUri(informationUri: string, phase: PhaseId): string {
  const base = informationUri.replace(/\/+$/, '');
  // A GitHub repository's home page serves files under blob/<ref>/, not at the root.
  const folder = /^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(base) ? `${base}/blob/HEAD` : base;
  return `${folder}/MIGRATION.md#${migrationAnchor(phase)}`;
}

function directoryUri(directory: string): string {
  const uri = pathToFileURL(directory).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function camelCase(text: string): string {
  return text.replace(/[-/_]+(.)/g, (_, character: string) => character.toUpperCase());
}

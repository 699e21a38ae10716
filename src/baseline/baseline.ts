// The ratchet file: violation counts per file and rule (`phase/kind`) that may only go down.
// One line per file, keys sorted, so two branches touching different files merge cleanly.
import fs from 'node:fs';
import path from 'node:path';
import { fileSystemError, SsotError } from '../errors.js';
import type { BaselineComparison } from '../result/baseline-comparison.js';
import type { Finding } from '../result/types.js';

export const DEFAULT_BASELINE_FILE = '.ssot/baseline.json';

/** file → rule (`imports/dual-import`) → count */
export type Baseline = Map<string, Map<string, number>>;

function ruleOf(finding: Finding): string {
  return `${finding.phase}/${finding.kind}`;
}

export function baselineFrom(findings: readonly Finding[]): Baseline {
  const baseline: Baseline = new Map();
  for (const finding of findings) {
    const rules = baseline.get(finding.file) ?? new Map<string, number>();
    rules.set(ruleOf(finding), (rules.get(ruleOf(finding)) ?? 0) + 1);
    baseline.set(finding.file, rules);
  }
  return baseline;
}

export function compareBaseline(baseline: Baseline, findings: readonly Finding[]): BaselineComparison {
  const now = baselineFrom(findings);
  const comparison: BaselineComparison = { rose: [], fell: [], stale: [] };
  const files = [...new Set([...baseline.keys(), ...now.keys()])].sort();
  for (const file of files) {
    const before = baseline.get(file) ?? new Map<string, number>();
    const current = now.get(file) ?? new Map<string, number>();
    if (before.size > 0 && current.size === 0) comparison.stale.push(file);
    for (const rule of [...new Set([...before.keys(), ...current.keys()])].sort()) {
      const change = { file, rule, baseline: before.get(rule) ?? 0, now: current.get(rule) ?? 0 };
      if (change.now > change.baseline) {
        comparison.rose.push({ ...change, findings: findings.filter((finding) => finding.file === file && ruleOf(finding) === rule) });
      } else if (change.now < change.baseline && current.size > 0) {
        comparison.fell.push(change);
      }
    }
  }
  return comparison;
}

/** Sorted, stable, one file per line: `"src/a.ts": {"imports/dual-import": 1},`. */
export function serializeBaseline(baseline: Baseline): string {
  const files = [...baseline.keys()].sort();
  if (files.length === 0) return '{}\n';
  const lines = files.map((file) => {
    const rules = [...baseline.get(file)!.entries()].sort(([a], [b]) => a.localeCompare(b));
    return `  ${JSON.stringify(file)}: {${rules.map(([rule, count]) => `${JSON.stringify(rule)}: ${count}`).join(', ')}}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SsotError('BASELINE_INVALID', `${file}: no baseline file; create it with --update-baseline`, { file });
    // A folder where the file should be, a parent that is a file, no permission: say which.
    throw fileSystemError(error, file) ?? error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SsotError('BASELINE_INVALID', `${file}: not valid JSON (${(error as Error).message})`, { file });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new SsotError('BASELINE_INVALID', `${file}: expected an object of files`, { file });
  const baseline: Baseline = new Map();
  for (const [listedFile, rules] of Object.entries(raw as Record<string, unknown>)) {
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) throw new SsotError('BASELINE_INVALID', `${file}: "${listedFile}": expected an object of rule counts`, { file });
    const counts = new Map<string, number>();
    for (const [rule, count] of Object.entries(rules as Record<string, unknown>)) {
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw new SsotError('BASELINE_INVALID', `${file}: "${listedFile}"."${rule}": expected a count, got ${JSON.stringify(count)}`, { file });
      }
      counts.set(rule, count);
    }
    baseline.set(listedFile, counts);
  }
  return baseline;
}

export function writeBaseline(file: string, baseline: Baseline): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, serializeBaseline(baseline));
}

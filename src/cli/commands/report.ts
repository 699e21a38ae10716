// `ssot-migrate report`: the burn-down of the recorded history, as an SVG chart and a Markdown
// summary in the spirit of the report this project started from.
import fs from 'node:fs';
import path from 'node:path';
import { PHASE_IDS } from '../../engine/phases.js';
import { EXIT } from '../../errors.js';
import { DEFAULT_HISTORY_FILE, readHistory } from '../../history/history.js';
import { renderBurndownSvg } from '../../reporters/burndown-svg.js';
import { renderReportMarkdown } from '../../reporters/report-markdown.js';
import { writeAtomically } from '../../engine/atomic-file.js';
import type { CliIo } from '../io.js';
import { loadConfig } from '../../config/load-config.js';
import { assertOutputsSafe, outputFile, type SourceScope } from '../output-target.js';

export interface ReportOptions {
  repo?: string;
  history?: string;
  svg?: string;
  markdown?: string;
}

export const DEFAULT_CHART_FILE = '.ssot/burndown.svg';

export function reportCommand(options: ReportOptions, io: CliIo): number {
  const repoRoot = path.resolve(io.cwd, options.repo ?? '.');
  const historyFile = options.history ? path.resolve(io.cwd, options.history) : path.join(repoRoot, DEFAULT_HISTORY_FILE);
  const chartFile = options.svg !== undefined ? outputFile('--svg', options.svg, io.cwd) : path.join(repoRoot, DEFAULT_CHART_FILE);
  const summaryFile = options.markdown !== undefined ? outputFile('--markdown', options.markdown, io.cwd) : undefined;
  assertOutputsSafe(
    [{ option: '--svg', file: chartFile, kind: 'chart' }, ...(summaryFile ? [{ option: '--markdown', file: summaryFile, kind: 'summary' as const }] : [])],
    sourceScopeOf(repoRoot),
    io.cwd,
  );
  const records = readHistory(historyFile);
  fs.mkdirSync(path.dirname(chartFile), { recursive: true });
  writeAtomically(chartFile, renderBurndownSvg(records, PHASE_IDS));
  const summary = renderReportMarkdown(records, PHASE_IDS);
  if (summaryFile) writeAtomically(summaryFile, summary);
  io.stdout.write(summary);
  io.stderr.write(
    `${records.length} recorded scan${records.length === 1 ? '' : 's'} from ${path.relative(io.cwd, historyFile) || historyFile}; chart written to ${path.relative(io.cwd, chartFile) || chartFile}\n`,
  );
  return EXIT.clean;
}

/** `report` needs no config, but when the repo has one its scope counts as sources too. */
function sourceScopeOf(repoRoot: string): SourceScope {
  try {
    const { config } = loadConfig(repoRoot, undefined);
    return { repoRoot, include: config.include, exclude: config.exclude };
  } catch {
    return { repoRoot };
  }
}

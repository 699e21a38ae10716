// The scan formats and their renderers: one table, so adding a format is one line.
import { renderGithubAnnotations } from '../reporters/github.js';
import { renderJson } from '../reporters/json.js';
import { renderMarkdown } from '../reporters/markdown.js';
import { renderSarif } from '../reporters/sarif.js';
import { renderScanTable } from '../reporters/table.js';
import type { RunResult } from '../result/types.js';
import type { ScanFormat } from './options.js';
import type { ToolInfo } from './io.js';

export type { ScanFormat };

export function scanRenderer(format: ScanFormat, tool: ToolInfo): (result: RunResult) => string {
  const renderers: Record<ScanFormat, (result: RunResult) => string> = {
    table: renderScanTable,
    json: renderJson,
    markdown: renderMarkdown,
    sarif: (result) => renderSarif(result, tool),
    github: renderGithubAnnotations,
  };
  return renderers[format];
}

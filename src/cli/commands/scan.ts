// `ssot-migrate scan`: remaining violations of every built phase, in the format asked for.
import { runEngine } from '../../engine/run-engine.js';
import { EXIT } from '../../errors.js';
import { renderJson } from '../../reporters/json.js';
import { renderMarkdown } from '../../reporters/markdown.js';
import { renderScanTable } from '../../reporters/table.js';
import { allFindings, filesWithStatus } from '../../reporters/counts.js';
import type { RunResult } from '../../result/types.js';
import { builtPhaseIds } from '../../engine/phases.js';
import { progressReporter } from '../progress.js';
import { namingConfigFile, openRepo, type RepoOptions } from '../repo-context.js';
import type { CliIo } from '../io.js';
import type { ScanFormat } from '../options.js';


const RENDERERS: Record<ScanFormat, (result: RunResult) => string> = {
  table: renderScanTable,
  json: renderJson,
  markdown: renderMarkdown,
};

export interface ScanOptions extends RepoOptions {
  format: ScanFormat;
}

export function scanCommand(options: ScanOptions, io: CliIo): number {
  const context = openRepo(options, io.cwd);
  const { repoRoot, config } = context;
  const result = namingConfigFile(context, () => runEngine({ repoRoot, config, command: 'scan', phases: builtPhaseIds(), onProgress: progressReporter(io) }));
  io.stdout.write(RENDERERS[options.format](result));
  const remaining = allFindings(result).length > 0;
  const skipped = filesWithStatus(result, 'skipped', 'error').length > 0;
  return remaining || skipped ? EXIT.violations : EXIT.clean;
}

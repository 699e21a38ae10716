// The command line: parses arguments with yargs, runs one command, maps errors to one line on
// stderr and an exit code. The only module that knows about streams and exit codes.
import yargs from 'yargs';
import { EXIT, SsotError } from '../errors.js';
import { PHASE_IDS } from '../engine/phases.js';
import type { PhaseId } from '../result/types.js';
import type { CliIo } from './io.js';
import { RUN_FORMATS, SCAN_FORMATS, type RunFormat, type ScanFormat } from './options.js';

// Commands load the engine (parsers, TypeScript) on demand, so `--help` and usage errors stay instant.

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.clean;
  const parser = yargs([...argv])
    .scriptName('ssot-migrate')
    // `--repo a --repo b` means b, as in most CLIs, rather than an array no option expects.
    .parserConfiguration({ 'duplicate-arguments-array': false })
    .usage('$0 <command> [options]\n\nMigrate a fragmented TypeScript service back to a single source of truth, one reviewable phase at a time.')
    .option('repo', { type: 'string', describe: 'The repository to work on', default: '.', defaultDescription: 'the working directory' })
    .option('config', { type: 'string', describe: 'The config file', defaultDescription: 'ssot.config.json in the repo' })
    .command(
      'scan',
      'Count the remaining violations per phase and kind',
      (command) =>
        command
          .option('format', { choices: SCAN_FORMATS, default: 'table' as ScanFormat, describe: 'Output format' })
          .option('baseline', { type: 'string', describe: 'Fail (exit 1) when a count rose above this baseline, listing the new violations', defaultDescription: '.ssot/baseline.json when given without FILE' })
          .option('update-baseline', { type: 'string', describe: 'Write the baseline (to FILE, or to the --baseline file)' })
          .option('record', { type: 'string', describe: 'Append this scan\'s counts to a history file, for `report`', defaultDescription: '.ssot/history.jsonl when given without FILE' })
          .option('cache', { type: 'boolean', default: false, describe: 'Keep per-file results in .ssot/cache and reuse those of files unchanged since the last --cache scan' })
          .options(SELECTION_OPTIONS),
      async (args) => {
        exitCode = await (await import('./commands/scan.js')).scanCommand(
          {
            ...repoOptionsOf(args),
            format: args.format as ScanFormat,
            ...(args.baseline !== undefined ? { baseline: args.baseline } : {}),
            ...(args.updateBaseline !== undefined ? { updateBaseline: args.updateBaseline } : {}),
            ...(args.record !== undefined ? { record: args.record } : {}),
            cache: args.cache,
            ...selectionOf(args),
          },
          io,
        );
      },
    )
    .command(
      'run <phase>',
      'Show (or with --write apply) the changes of one phase',
      (command) =>
        command
          .positional('phase', { choices: PHASE_IDS, describe: 'The phase to run', demandOption: true })
          .option('write', { type: 'boolean', default: false, describe: 'Apply the changes (default: dry run, print the diff)' })
          .option('patch', { type: 'string', describe: 'Also write the diff to FILE, for `git apply`' })
          .option('allow-dirty', { type: 'boolean', default: false, describe: 'Let --write touch files with uncommitted changes' })
          .option('format', { choices: RUN_FORMATS, default: 'diff' as RunFormat, describe: 'Print the diff, or the result as JSON' })
          .option('html', { type: 'string', describe: 'Also write a self-contained review page (side-by-side diffs, manual items) to FILE' })
          .option('verify', { type: 'boolean', describe: 'Type-check the changed files and their importers before and after; block changes that add a diagnostic (--no-verify: off)', defaultDescription: 'on when the repo has a tsconfig' })
          .options(SELECTION_OPTIONS),
      async (args) => {
        exitCode = await (await import('./commands/run.js')).runCommand(
          {
            ...repoOptionsOf(args),
            phase: args.phase as PhaseId,
            write: args.write,
            ...(args.patch ? { patch: args.patch } : {}),
            allowDirty: args.allowDirty,
            format: args.format as RunFormat,
            ...(args.html ? { html: args.html } : {}),
            ...(args.verify !== undefined ? { verify: args.verify } : {}),
            ...selectionOf(args),
          },
          io,
        );
      },
    )
    .command(
      // The files stay in `_`: yargs keeps only the last value of a variadic positional when
      // repeated arguments do not make arrays (see parserConfiguration above).
      'merge',
      'Combine the --format json results of every shard of a scan or run into one: merge <shard.json..>',
      (command) =>
        command
          .usage('$0 merge <shard.json..> [--format FORMAT]')
          .option('format', { choices: SCAN_FORMATS, default: 'json' as ScanFormat, describe: 'Output format' })
          .strict(false),
      async (args) => {
        exitCode = (await import('./commands/merge.js')).mergeCommand({ files: args._.slice(1).map(String), format: args.format as ScanFormat }, io);
      },
    )
    .command(
      'report',
      'Render the recorded history: a burn-down chart (SVG) and a Markdown summary',
      (command) =>
        command
          .option('history', { type: 'string', describe: 'The history file written by `scan --record`', defaultDescription: '.ssot/history.jsonl in the repo' })
          .option('svg', { type: 'string', describe: 'Where to write the chart', defaultDescription: '.ssot/burndown.svg in the repo' })
          .option('markdown', { type: 'string', describe: 'Also write the summary to FILE (it is always printed)' }),
      async (args) => {
        exitCode = (await import('./commands/report.js')).reportCommand(
          {
            repo: args.repo,
            ...(args.history ? { history: args.history } : {}),
            ...(args.svg ? { svg: args.svg } : {}),
            ...(args.markdown ? { markdown: args.markdown } : {}),
          },
          io,
        );
      },
    )
    .command(
      'undo',
      'Restore the files of the last --write run exactly (refuses if one changed since)',
      (command) => command,
      async (args) => {
        exitCode = (await import('./commands/undo.js')).undoCommand({ repo: args.repo }, io);
      },
    )
    .command(
      'init',
      'Write a starting ssot.config.json for a canonical module, or suggest candidates for it',
      (command) =>
        command
          .option('canonical', { type: 'string', describe: 'The canonical module (a repo file): list its legacy modules and facades and write the config' })
          .option('force', { type: 'boolean', default: false, describe: 'Replace an existing config' })
          .option('dry-run', { type: 'boolean', default: false, describe: 'Print the config instead of writing it' }),
      async (args) => {
        exitCode = (await import('./commands/init.js')).initCommand(
          { ...repoOptionsOf(args), ...(args.canonical !== undefined ? { canonical: args.canonical } : {}), force: args.force, dryRun: args.dryRun },
          io,
        );
      },
    )
    .command(
      'plan',
      'Show the phases in order with their counts',
      (command) => command,
      async (args) => {
        exitCode = await (await import('./commands/plan.js')).planCommand(repoOptionsOf(args), io);
      },
    )
    .demandCommand(1, 'Name a command: scan, plan, run <phase>, merge, undo or report.')
    .strict()
    .help()
    .version(false)
    .wrap(Math.min(100, (io.stdout as { columns?: number }).columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error, io);
  }
  return exitCode;
}

class UsageError extends Error {}

/** Which files a scan or run covers: a CI shard, or what a pull request changed. */
const SELECTION_OPTIONS = {
  shard: { type: 'string', describe: 'Only this part of the files, as INDEX/COUNT (e.g. 2/4); `merge` combines the shards\' JSON results' },
  'changed-since': { type: 'string', describe: 'Only the files that differ from this git ref (committed since, uncommitted or untracked)' },
} as const;

function selectionOf(args: { shard?: string | undefined; changedSince?: string | undefined }): { shard?: string; changedSince?: string } {
  return { ...(args.shard ? { shard: args.shard } : {}), ...(args.changedSince ? { changedSince: args.changedSince } : {}) };
}

/** --repo and --config, as every command takes them. */
function repoOptionsOf(args: { repo: string; config?: string | undefined }): { repo: string; config?: string } {
  return { repo: args.repo, ...(args.config ? { config: args.config } : {}) };
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof SsotError) {
    io.stderr.write(`ssot-migrate: ${error.message}\n${error.fix ? `  fix: ${error.fix}\n` : ''}`);
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`ssot-migrate: ${error.message.replace(/\s*\n\s*/g, ' ')}\n  see: ssot-migrate --help\n`);
    return EXIT.usage;
  }
  io.stderr.write(`ssot-migrate: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.usage;
}

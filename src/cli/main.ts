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
      (command) => command.option('format', { choices: SCAN_FORMATS, default: 'table' as ScanFormat, describe: 'Output format' }),
      async (args) => {
        exitCode = (await import('./commands/scan.js')).scanCommand({ repo: args.repo, ...(args.config ? { config: args.config } : {}), format: args.format as ScanFormat }, io);
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
          .option('format', { choices: RUN_FORMATS, default: 'diff' as RunFormat, describe: 'Print the diff, or the result as JSON' }),
      async (args) => {
        exitCode = (await import('./commands/run.js')).runCommand(
          {
            repo: args.repo,
            ...(args.config ? { config: args.config } : {}),
            phase: args.phase as PhaseId,
            write: args.write,
            ...(args.patch ? { patch: args.patch } : {}),
            allowDirty: args.allowDirty,
            format: args.format as RunFormat,
          },
          io,
        );
      },
    )
    .command(
      'plan',
      'Show the phases in order with their counts',
      (command) => command,
      async (args) => {
        exitCode = (await import('./commands/plan.js')).planCommand({ repo: args.repo, ...(args.config ? { config: args.config } : {}) }, io);
      },
    )
    .demandCommand(1, 'Name a command: scan, plan or run <phase>.')
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

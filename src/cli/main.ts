// The command line: parses arguments with yargs, runs one command, maps errors to one line on
// stderr and an exit code. The only module that knows about streams and exit codes.
import yargs, { type Argv } from 'yargs';
import { EXIT, fileSystemError, SsotError } from '../errors.js';
import type { PhaseId } from '../result/types.js';
import type { CliIo } from './io.js';
import { closestName } from './did-you-mean.js';
import { COLOR_MODES, RUN_FORMATS, SCAN_FORMATS, type ColorMode, type RunFormat, type ScanFormat } from './options.js';

// Commands load the engine (parsers, TypeScript) on demand, so `--help` and usage errors stay instant.

/** What each exit code means, at the foot of every --help (the codes of src/errors.ts). */
const EXIT_CODES = {
  general: 'Exit codes: 0 clean; 1 violations left or files skipped (scan, run, merge); 2 usage error or fatal.',
  scan: 'Exit codes: 0 clean; 1 violations left (with --baseline: a count rose) or files skipped; 2 usage error or fatal.',
  run: 'Exit codes: 0 clean (manual items may remain); 1 fixable violations left, or files skipped, blocked by the type check or refused; 2 usage error or fatal.',
  merge: 'Exit codes: 0 clean; 1 violations left or files skipped in a shard; 2 usage error or fatal.',
  other: 'Exit codes: 0 done; 2 usage error or fatal.',
} as const;

/** The options every command takes, for "did you mean" before a command is known. */
const GLOBAL_OPTIONS = ['repo', 'config', 'color', 'help', 'version'];

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.clean;
  // `run --help` lists the phases from the registry, which loads every phase and the parsers:
  // only a command line that may be a `run` pays for that.
  const phaseIds = argv.includes('run') ? (await import('../engine/phases.js')).PHASE_IDS : [];
  // The options of the command being parsed, for "did you mean --format?".
  let optionsInScope: string[] = GLOBAL_OPTIONS;
  const known = <T extends Argv>(command: T): T => {
    // getOptions() is yargs' own record of the options declared so far (untyped in @types/yargs).
    const declared = (command as unknown as { getOptions?: () => { key: Record<string, unknown> } }).getOptions?.().key;
    if (declared) optionsInScope = Object.keys(declared);
    return command;
  };
  /** The streams with the --color decision (yargs has checked it is one of COLOR_MODES); commands ask `useColor` for it. */
  const ioOf = (args: { color: string }): CliIo => ({ ...io, color: args.color as ColorMode });
  const parser = yargs([...argv])
    .scriptName('ssot-migrate')
    // Suggestions read yargs' own messages, and the tool speaks English throughout.
    .locale('en')
    // `--repo a --repo b` means b, as in most CLIs, rather than an array no option expects.
    .parserConfiguration({ 'duplicate-arguments-array': false })
    .usage('$0 <command> [options]\n\nMigrate a fragmented TypeScript service back to a single source of truth, one reviewable phase at a time.')
    .option('repo', { type: 'string', describe: 'The repository to work on', default: '.', defaultDescription: 'the working directory' })
    .option('config', { type: 'string', describe: 'The config file', defaultDescription: 'ssot.config.json in the repo' })
    .option('color', { choices: COLOR_MODES, default: 'auto', describe: 'Colour the output: auto colours a terminal unless NO_COLOR is set or FORCE_COLOR=0 (FORCE_COLOR=1 colours a pipe)' })
    .command(
      'scan',
      'Count the remaining violations per phase and kind',
      (command) =>
        known(
          command
            .option('format', { choices: SCAN_FORMATS, default: 'table' as ScanFormat, describe: 'Output format' })
            .option('baseline', {
              type: 'string',
              describe: 'Fail (exit 1) when a count rose above this baseline, listing the new violations',
              defaultDescription: '.ssot/baseline.json when given without FILE',
            })
            .option('update-baseline', { type: 'string', describe: 'Write the baseline (to FILE, or to the --baseline file); refuses to raise a count unless --allow-increase' })
            .option('allow-increase', { type: 'boolean', default: false, describe: 'Let --update-baseline raise counts (it prints what rose)' })
            .option('record', { type: 'string', describe: "Append this scan's counts to a history file, for `report`", defaultDescription: '.ssot/history.jsonl when given without FILE' })
            .option('cache', { type: 'boolean', default: false, describe: 'Keep per-file results in .ssot/cache and reuse those of files unchanged since the last --cache scan' })
            .options(SELECTION_OPTIONS)
            .example('$0 scan --repo ../app', 'What is left, per phase and kind')
            .example('$0 scan --update-baseline', 'Write .ssot/baseline.json (commit it)')
            .example('$0 scan --baseline', 'In CI: exit 1 when any count rose above the baseline')
            .example('$0 scan --format sarif > ssot.sarif', 'For code scanning')
            .epilogue(EXIT_CODES.scan),
        ),
      async (args) => {
        exitCode = await (
          await import('./commands/scan.js')
        ).scanCommand(
          {
            ...repoOptionsOf(args),
            format: args.format as ScanFormat,
            ...(args.baseline !== undefined ? { baseline: args.baseline } : {}),
            ...(args.updateBaseline !== undefined ? { updateBaseline: args.updateBaseline } : {}),
            allowIncrease: args.allowIncrease,
            ...(args.record !== undefined ? { record: args.record } : {}),
            cache: args.cache,
            ...selectionOf(args),
          },
          ioOf(args),
        );
      },
    )
    .command(
      'run <phase>',
      'Show (or with --write apply) the changes of one phase',
      (command) =>
        known(
          command
            // Checked once the config is read (runCommand): its transforms are phases too.
            .positional('phase', { type: 'string', describe: `The phase to run: ${phaseIds.join(', ')}, or the id of one of the config's transforms`, demandOption: true })
            .option('write', { type: 'boolean', default: false, describe: 'Apply the changes (default: dry run, print the diff)' })
            .option('patch', { type: 'string', describe: 'Also write the diff to FILE, for `git apply`' })
            .option('allow-dirty', { type: 'boolean', default: false, describe: 'Let --write touch files with uncommitted changes' })
            .option('format', { choices: RUN_FORMATS, default: 'diff' as RunFormat, describe: 'Print the diff, or the result as JSON' })
            .option('html', { type: 'string', describe: 'Also write a self-contained review page (side-by-side diffs, manual items) to FILE' })
            .option('verify', {
              type: 'boolean',
              describe: 'Type-check the changed files and their importers before and after; block changes that add a diagnostic (--no-verify: off)',
              defaultDescription: 'on when the repo has a tsconfig',
            })
            .option('baseline', {
              type: 'string',
              describe: 'With --write, update this baseline to the counts after the run (the write was reviewed as a diff)',
              defaultDescription: '.ssot/baseline.json, when it exists',
            })
            .options(SELECTION_OPTIONS)
            .example('$0 run imports', 'Dry run: the diff of every file phase 1 would change, and a summary')
            .example('$0 run imports --patch imports.patch', '...also saved for review and `git apply`')
            .example('$0 run imports --write', 'Apply exactly that diff (`ssot-migrate undo` puts it back)')
            .example('$0 run facades --html review.html', 'Review the changes in a browser')
            .epilogue(EXIT_CODES.run),
        ),
      async (args) => {
        const phase = args.phase as PhaseId;
        await (await import('./commands/plan.js')).warnIfOutOfOrder({ ...repoOptionsOf(args), ...selectionOf(args), phase }, ioOf(args));
        exitCode = await (
          await import('./commands/run.js')
        ).runCommand(
          {
            ...repoOptionsOf(args),
            phase,
            write: args.write,
            ...(args.patch !== undefined ? { patch: args.patch } : {}),
            allowDirty: args.allowDirty,
            format: args.format as RunFormat,
            ...(args.html !== undefined ? { html: args.html } : {}),
            ...(args.verify !== undefined ? { verify: args.verify } : {}),
            ...(args.baseline !== undefined ? { baseline: args.baseline } : {}),
            ...selectionOf(args),
          },
          ioOf(args),
        );
      },
    )
    .command(
      // The files stay in `_`: yargs keeps only the last value of a variadic positional when
      // repeated arguments do not make arrays (see parserConfiguration above).
      'merge',
      'Combine the --format json results of every shard of a scan or run into one: merge <shard.json..>',
      (command) =>
        known(
          command
            .usage('$0 merge <shard.json..> [--format FORMAT]')
            .option('format', { choices: SCAN_FORMATS, default: 'json' as ScanFormat, describe: 'Output format' })
            .example('$0 merge scan-1.json scan-2.json --format table', 'The whole result of `scan --shard 1/2` and `--shard 2/2`')
            .epilogue(EXIT_CODES.merge)
            .strict(false),
        ),
      async (args) => {
        exitCode = (await import('./commands/merge.js')).mergeCommand({ files: args._.slice(1).map(String), format: args.format as ScanFormat }, ioOf(args));
      },
    )
    .command(
      'report',
      'Render the recorded history: a burn-down chart (SVG) and a Markdown summary',
      (command) =>
        known(
          command
            .option('history', { type: 'string', describe: 'The history file written by `scan --record`', defaultDescription: '.ssot/history.jsonl in the repo' })
            .option('svg', { type: 'string', describe: 'Where to write the chart', defaultDescription: '.ssot/burndown.svg in the repo' })
            .option('markdown', { type: 'string', describe: 'Also write the summary to FILE (it is always printed)' })
            .example('$0 scan --record && $0 report', "Record this scan's counts, then draw the burn-down")
            .example('$0 report --markdown burndown.md', 'Also write the summary for a pull request comment')
            .epilogue(EXIT_CODES.other),
        ),
      async (args) => {
        exitCode = (await import('./commands/report.js')).reportCommand(
          {
            repo: args.repo,
            ...(args.history ? { history: args.history } : {}),
            ...(args.svg !== undefined ? { svg: args.svg } : {}),
            ...(args.markdown !== undefined ? { markdown: args.markdown } : {}),
          },
          ioOf(args),
        );
      },
    )
    .command(
      'undo',
      'Restore the files of the last --write run exactly (refuses if one changed since, or was committed since)',
      (command) =>
        known(
          command
            .option('force', { type: 'boolean', default: false, describe: "Restore even when the run's changes are part of a commit made since" })
            .example('$0 undo --repo ../app', 'Put back what the last `run --write` wrote')
            .epilogue(EXIT_CODES.other),
        ),
      async (args) => {
        exitCode = (await import('./commands/undo.js')).undoCommand({ repo: args.repo, force: args.force }, ioOf(args));
      },
    )
    .command(
      'init',
      'Write a starting ssot.config.json for a canonical module, or suggest candidates for it',
      (command) =>
        known(
          command
            .option('canonical', { type: 'string', describe: 'The canonical module (a repo file): list its legacy modules and facades and write the config' })
            .option('barrels', {
              type: 'boolean',
              default: false,
              describe: 'List the barrels (modules that only re-export) and write a config that flattens them (facades.discover "barrels"); no canonical module needed',
            })
            .option('force', { type: 'boolean', default: false, describe: 'Replace an existing config' })
            .option('dry-run', { type: 'boolean', default: false, describe: 'Print the config instead of writing it' })
            .example('$0 init', 'Suggest canonical modules (clusters of same-named exports); writes nothing')
            .example('$0 init --canonical src/core/manager.ts', 'List its legacy modules and facades, write ssot.config.json')
            .example('$0 init --barrels', 'List the barrels, most imported first, and write a config that flattens them')
            .epilogue(EXIT_CODES.other),
        ),
      async (args) => {
        exitCode = (await import('./commands/init.js')).initCommand(
          { ...repoOptionsOf(args), ...(args.canonical !== undefined ? { canonical: args.canonical } : {}), barrels: args.barrels, force: args.force, dryRun: args.dryRun },
          ioOf(args),
        );
      },
    )
    .command(
      'plan',
      'Show the phases in order with their counts',
      (command) => known(command.example('$0 plan --repo ../app', 'Which phase to run next, and what each would change').epilogue(EXIT_CODES.other)),
      async (args) => {
        exitCode = await (await import('./commands/plan.js')).planCommand(repoOptionsOf(args), ioOf(args));
      },
    )
    .demandCommand(1, 'Name a command: scan, plan, run <phase>, init, merge, undo or report.')
    .recommendCommands()
    .strict()
    .help()
    .alias('h', 'help')
    .version(io.tool.version)
    .alias('v', 'version')
    .epilogue(EXIT_CODES.general)
    .wrap(Math.min(100, (io.stdout as { columns?: number }).columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(explainUsageError(message, argv, optionsInScope));
    });

  try {
    // With a callback yargs hands over what it would print (--help) instead of writing to the
    // process's console: it goes to io.stdout like every other output.
    await parser.parseAsync([...argv], (_error: unknown, _parsed: unknown, output: string) => {
      if (output) io.stdout.write(`${output}\n`);
    });
  } catch (error) {
    return reportError(error, io);
  }
  return exitCode;
}

class UsageError extends Error {}

/**
 * yargs' message about a usage mistake, said the way the user typed it, with the name they
 * probably meant: "unknown option --fromat: did you mean --format?".
 */
function explainUsageError(message: string, argv: readonly string[], options: readonly string[]): string {
  const typedCommand = argv.find((argument) => !argument.startsWith('-'));
  const recommended = /^Did you mean (\S+)\?$/.exec(message);
  if (recommended) return `unknown command "${typedCommand}": did you mean ${recommended[1]}?`;
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (unknown) {
    // yargs names a mistyped --some-option twice (as typed and camelCased); keep what was typed.
    const names = unknown[1]!.split(', ').filter((name) => argv.some((argument) => typedAs(argument, name)));
    return names
      .map((name) => {
        if (!argv.some((argument) => argument.startsWith('-') && typedAs(argument, name))) {
          return name === typedCommand ? `unknown command "${name}"` : `unexpected argument "${name}"`;
        }
        const meant = closestName(name, options);
        return `unknown option ${optionFlag(name)}${meant ? `: did you mean ${optionFlag(meant)}?` : ''}`;
      })
      .join('; ');
  }
  const invalid = /Given: "([^"]*)", Choices: (.*)$/s.exec(message);
  if (invalid) {
    const choices = [...invalid[2]!.matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
    const meant = closestName(invalid[1]!, choices);
    if (meant) return `${message}; did you mean ${meant}?`;
  }
  return message;
}

/** Whether a command-line argument is `name` as a positional, `--name`, `--name=…` or `-n`. */
function typedAs(argument: string, name: string): boolean {
  const bare = argument.replace(/^-+/, '').split('=')[0];
  return bare === name;
}

function optionFlag(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

/** Which files a scan or run covers: a CI shard, or what a pull request changed. */
const SELECTION_OPTIONS = {
  shard: { type: 'string', describe: "Only this part of the files, as INDEX/COUNT (e.g. 2/4); `merge` combines the shards' JSON results" },
  'changed-since': { type: 'string', describe: 'Only the files that differ from this git ref (committed since, uncommitted or untracked)' },
  jobs: { type: 'number', describe: 'Worker threads that share the files (same result as 1; each prepares the phases itself)', defaultDescription: '1' },
} as const;

function selectionOf(args: { shard?: string | undefined; changedSince?: string | undefined; jobs?: number | undefined }): { shard?: string; changedSince?: string; jobs?: number } {
  return { ...(args.shard ? { shard: args.shard } : {}), ...(args.changedSince ? { changedSince: args.changedSince } : {}), ...(args.jobs !== undefined ? { jobs: args.jobs } : {}) };
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
  const fileSystemProblem = fileSystemError(error);
  if (fileSystemProblem) return reportError(fileSystemProblem, io);
  io.stderr.write(`ssot-migrate: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.usage;
}

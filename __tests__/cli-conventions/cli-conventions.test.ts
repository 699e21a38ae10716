// The conventions a user expects of a CLI: --version/-v, -h, "did you mean" for mistyped
// commands, options and phases, examples and exit codes in every --help, and --color that
// agrees with NO_COLOR, FORCE_COLOR and the terminal. In-process but for one spawn of the binary.
import { makeRepo, runCli, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';
import { PACKAGE_VERSION as VERSION, runMain, type MainCase } from './main-cases';
const COMMANDS = ['scan', 'plan', 'run', 'init', 'merge', 'undo', 'report'];
const ANSI = /\x1b\[[0-9;]*m/;
const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";

let repo: TempRepo;
const results = new Map<string, CliResult>();

function result(name: string): CliResult {
  const found = results.get(name);
  if (!found) throw new Error(`no case named ${name}`);
  return found;
}

beforeAll(async () => {
  repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER });
  const dryRun = ['run', 'imports', '--repo', repo.root];
  const cases: Record<string, MainCase> = {
    version: { argv: ['--version'] },
    versionShort: { argv: ['-v'] },
    help: { argv: ['--help'] },
    helpShort: { argv: ['-h'] },
    noCommand: { argv: [] },
    mistypedCommand: { argv: ['scna'] },
    mistypedOption: { argv: ['scan', '--fromat', 'json', '--repo', repo.root] },
    mistypedGlobalOption: { argv: ['scan', '--rpeo', repo.root] },
    unknownOption: { argv: ['scan', '--zzzzzzzz', '--repo', repo.root] },
    mistypedPhase: { argv: ['run', 'imprts', '--repo', repo.root] },
    colorAlways: { argv: [...dryRun, '--color', 'always'] },
    colorNeverOnTty: { argv: [...dryRun, '--color', 'never'], tty: true },
    colorAutoOnTty: { argv: dryRun, tty: true },
    colorAutoPiped: { argv: dryRun },
    noColorOnTty: { argv: dryRun, tty: true, env: { NO_COLOR: '1' } },
    forceColorOffOnTty: { argv: dryRun, tty: true, env: { FORCE_COLOR: '0' } },
    forceColorOnPiped: { argv: dryRun, env: { FORCE_COLOR: '1' } },
    colorAlwaysBeatsNoColor: { argv: [...dryRun, '--color', 'always'], env: { NO_COLOR: '1' } },
    colorInvalid: { argv: [...dryRun, '--color', 'sometimes'] },
  };
  for (const command of COMMANDS) cases[`help:${command}`] = { argv: [command, '--help'] };
  for (const [name, entry] of Object.entries(cases)) results.set(name, await runMain(entry));
});
afterAll(() => repo.remove());

describe('--version and -h', () => {
  it('--version and -v print the version of package.json and exit 0', () => {
    for (const name of ['version', 'versionShort']) {
      expect(result(name)).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('-h prints the same help as --help', () => {
    expect(result('helpShort').status).toBe(0);
    expect(result('helpShort').stdout).toBe(result('help').stdout);
    expect(result('help').stdout).toMatch(/-h, --help/);
    expect(result('help').stdout).toMatch(/-v, --version/);
  });

  it('the real binary prints its version', () => {
    const output = runCli(['--version']);
    expect(output).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});

describe('mistakes get a suggestion', () => {
  it('a mistyped command: exit 2, naming it and the command meant', () => {
    const output = result('mistypedCommand');
    expect(output.status).toBe(2);
    expect(output.stdout).toBe('');
    expect(output.stderr).toMatch(/unknown command "scna".*did you mean scan\?/i);
  });

  it('a mistyped option of the command: exit 2, naming it and the option meant', () => {
    const output = result('mistypedOption');
    expect(output.status).toBe(2);
    expect(output.stderr).toMatch(/unknown option --fromat.*did you mean --format\?/i);
  });

  it('a mistyped option every command takes', () => {
    expect(result('mistypedGlobalOption').stderr).toMatch(/unknown option --rpeo.*did you mean --repo\?/i);
  });

  it('an unknown option like no other gets no guess', () => {
    const output = result('unknownOption');
    expect(output.status).toBe(2);
    expect(output.stderr).toMatch(/unknown option --zzzzzzzz/i);
    expect(output.stderr).not.toMatch(/did you mean/i);
  });

  it('a mistyped phase names the phase meant', () => {
    const output = result('mistypedPhase');
    expect(output.status).toBe(2);
    expect(output.stderr).toMatch(/did you mean imports\?/i);
  });

  it('no command: the list names every command of --help', () => {
    const output = result('noCommand');
    expect(output.status).toBe(2);
    const listed = /Name a command: ([^.]*)\./.exec(output.stderr)?.[1] ?? '';
    for (const command of COMMANDS) expect(listed).toMatch(new RegExp(`\\b${command}\\b`));
    for (const command of COMMANDS) expect(result('help').stdout).toMatch(new RegExp(`^\\s+ssot-migrate ${command}\\b`, 'm'));
  });
});

describe('--help', () => {
  it.each(COMMANDS)('%s --help shows examples of that command', (command) => {
    const output = result(`help:${command}`);
    expect(output.status).toBe(0);
    const examples = output.stdout.split(/^Examples:$/m)[1] ?? '';
    expect(examples).toMatch(new RegExp(`^\\s+ssot-migrate ${command}\\b`, 'm'));
  });

  it.each(['', 'scan', 'run', 'merge'])('%s --help documents the exit codes 0, 1 and 2', (command) => {
    const output = result(command === '' ? 'help' : `help:${command}`);
    expect(output.stdout.replace(/\s+/g, ' ')).toMatch(/Exit codes: 0 clean[^;]*; 1 [^;]*violations[^;]*skipped[^;]*; 2 usage error or fatal\./);
  });

  it.each(['plan', 'init', 'undo', 'report'])('%s --help documents its exit codes 0 and 2', (command) => {
    expect(result(`help:${command}`).stdout.replace(/\s+/g, ' ')).toMatch(/Exit codes: 0 done; 2 usage error or fatal\./);
  });

  it('--color is documented with its choices', () => {
    expect(result('help:run').stdout.replace(/\s+/g, ' ')).toMatch(/--color [^[]*NO_COLOR[^[]*\[choices: "auto", "always", "never"\]/);
  });
});

describe('--color', () => {
  const coloured = (name: string): boolean => ANSI.test(result(name).stdout);

  it('the dry run behind these cases changes something and exits 0', () => {
    expect(result('colorAutoPiped').status).toBe(0);
    expect(result('colorAutoPiped').stdout).toMatch(/^\+import/m);
  });

  it('auto: colour on a terminal, none in a pipe', () => {
    expect(coloured('colorAutoOnTty')).toBe(true);
    expect(coloured('colorAutoPiped')).toBe(false);
  });

  it('always and never beat the terminal and the environment', () => {
    expect(coloured('colorAlways')).toBe(true);
    expect(coloured('colorAlwaysBeatsNoColor')).toBe(true);
    expect(coloured('colorNeverOnTty')).toBe(false);
  });

  it('auto honours NO_COLOR, FORCE_COLOR=0 and FORCE_COLOR=1', () => {
    expect(coloured('noColorOnTty')).toBe(false);
    expect(coloured('forceColorOffOnTty')).toBe(false);
    expect(coloured('forceColorOnPiped')).toBe(true);
  });

  it('colour is the only difference', () => {
    expect(result('colorAlways').stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(result('colorAutoPiped').stdout);
  });

  it('an unknown --color value is a usage error', () => {
    expect(result('colorInvalid').status).toBe(2);
    expect(result('colorInvalid').stderr).toMatch(/color/);
  });
});

// `plan` tells a phase without a config section ("not configured") from a finished one, and
// `run` warns in one line when an earlier phase still has fixable violations.
import fs from 'node:fs';
import { makeRepo, SMALL_CONFIG, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';
import { runMain } from './main-cases';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";
const CANONICAL_CONSUMER = "import { UnifiedWebSocketManager } from './unified_manager';\nexport const a = new UnifiedWebSocketManager();\n";

function withConfig(config: object, consumer: string): TempRepo {
  return makeRepo({ ...smallRepoFiles(), 'ssot.config.json': JSON.stringify(config, null, 2) + '\n', 'src/a.ts': consumer });
}

/** The plan table's row of one phase. */
function planRow(output: CliResult, phase: string): string {
  return output.stdout.split('\n').find((line) => new RegExp(`^\\s*\\d+\\s+${phase}\\b`).test(line)) ?? '';
}

const warnings = (output: CliResult): string[] => output.stderr.split('\n').filter((line) => /warning/i.test(line));

describe('plan', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = withConfig({ ...SMALL_CONFIG, signatures: { templates: [] } }, CONSUMER);
  });
  afterAll(() => repo.remove());

  it('says "not configured" for a phase without a config section, with no counts', async () => {
    const output = await runMain({ argv: ['plan', '--repo', repo.root] });
    expect(output.status).toBe(0);
    expect(planRow(output, 'factories')).toMatch(/not configured/);
    expect(planRow(output, 'factories')).not.toMatch(/\bdone\b|\b0\b/);
  });

  it('a configured phase is not "not configured"; phases with a default section always count', async () => {
    const output = await runMain({ argv: ['plan', '--repo', repo.root] });
    for (const phase of ['imports', 'facades', 'signatures']) expect(planRow(output, phase)).not.toMatch(/not configured/);
    expect(planRow(output, 'imports')).toMatch(/yes: ssot-migrate run imports/);
  });

  it('a config of moves alone runs imports, and facades (of a canonical module) is not configured', async () => {
    const movesOnly = withConfig(
      {
        include: SMALL_CONFIG.include,
        moves: [{ from: { module: 'src/websocket_manager.ts', export: 'WebSocketManager' }, to: { module: 'src/unified_manager.ts', export: 'UnifiedWebSocketManager' } }],
      },
      CONSUMER,
    );
    try {
      const output = await runMain({ argv: ['plan', '--repo', movesOnly.root] });
      expect(output.status).toBe(0);
      expect(planRow(output, 'facades')).toMatch(/not configured/);
      expect(planRow(output, 'imports')).toMatch(/yes: ssot-migrate run imports/);
    } finally {
      movesOnly.remove();
    }
  });
});

describe('run out of order', () => {
  let unfinished: TempRepo;
  let finished: TempRepo;
  beforeAll(() => {
    unfinished = withConfig({ ...SMALL_CONFIG, signatures: { templates: [] } }, CONSUMER);
    // Phases 1 and 2 done: the consumer imports the canonical module and the facade is gone.
    finished = withConfig({ ...SMALL_CONFIG, signatures: { templates: [] } }, CANONICAL_CONSUMER);
    fs.rmSync(finished.path('src/websocket_manager.ts'));
  });
  afterAll(() => {
    unfinished.remove();
    finished.remove();
  });

  it('warns in one line on stderr, naming the earlier phase and what it has left', async () => {
    const output = await runMain({ argv: ['run', 'signatures', '--repo', unfinished.root] });
    expect(warnings(output)).toHaveLength(1);
    expect(warnings(output)[0]).toMatch(/^ssot-migrate: warning: .*imports.* 1 fixable violation\b.*ssot-migrate run imports/);
    expect(output.stdout).not.toMatch(/warning/i);
  });

  it('the same warning under --format json, where stdout stays JSON', async () => {
    const output = await runMain({ argv: ['run', 'signatures', '--format', 'json', '--repo', unfinished.root] });
    expect(warnings(output)).toHaveLength(1);
    expect(() => JSON.parse(output.stdout)).not.toThrow();
  });

  it('no warning for the first phase, nor once the earlier phases are done', async () => {
    for (const output of [await runMain({ argv: ['run', 'imports', '--repo', unfinished.root] }), await runMain({ argv: ['run', 'signatures', '--repo', finished.root] })]) {
      expect(output.stderr).not.toMatch(/internal error/);
      expect(warnings(output)).toEqual([]);
    }
  });
});

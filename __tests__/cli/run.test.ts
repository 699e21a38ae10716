// `ssot-migrate run imports` as a dry run on a copy of the example (in-process): a unified diff on stdout,
// progress on stderr, nothing written, and a diff that covers exactly what scan counts.
import { changedPaths, copyExample, filesInDiff, makeRepo, parseScanJson, runMain, smallRepoFiles, summaryLine, type CliResult, type TempRepo } from '../helpers/cli-repo';

describe('run imports (dry run) on the example', () => {
  let repo: TempRepo;
  let before: Map<string, string>;
  let dry: CliResult;

  beforeAll(async () => {
    repo = copyExample();
    before = repo.snapshot();
    dry = await repo.run(['run', 'imports']);
  });
  afterAll(() => repo.remove());

  it('exits 0 (nothing fixable would be left) and writes nothing', () => {
    expect(dry.status).toBe(0);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('prints a unified diff with git headers and hunks, without colour when NO_COLOR is set', () => {
    expect(dry.stdout.startsWith('diff --git a/')).toBe(true);
    expect(dry.stdout).toMatch(/^--- a\/src\/\S+\.ts\n\+\+\+ b\/src\/\S+\.ts\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@/m);
    expect(dry.stdout).toMatch(/^-import .*websocket_core\/websocket_manager';$/m);
    expect(dry.stdout).toMatch(/^\+import .*websocket_core\/unified_manager';$/m);
    expect(dry.stdout).not.toMatch(/\x1b\[/);
  });

  it('ends with a summary whose file count matches the diff, and says nothing was written', () => {
    const files = filesInDiff(dry.stdout);
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files).size).toBe(files.length);
    const summary = summaryLine(dry.stdout);
    expect(summary).toBeDefined();
    expect(summary!.files).toBe(files.length);
    expect(summary!.after).toBe(summary!.manual);
    expect(summary!.before).toBeGreaterThan(summary!.after);
    expect(dry.stdout).toMatch(/nothing written/i);
  });

  it('reports progress on stderr, not stdout', () => {
    expect(dry.stderr).toMatch(/running imports on 110 files/);
    expect(dry.stderr).toMatch(/parsed \d+ candidate files/);
    expect(dry.stdout).not.toMatch(/running imports on/);
  });

  it('changes exactly the files scan counts as fixable, and its before count is what scan counts', async () => {
    const report = parseScanJson(await repo.run(['scan', '--format', 'json']));
    const findings = report.files.flatMap((file) => file.findingsBefore).filter((finding) => finding.phase === 'imports');
    const fixableFiles = [...new Set(findings.filter((finding) => finding.fixable).map((finding) => finding.file))].sort();
    expect([...filesInDiff(dry.stdout)].sort()).toEqual(fixableFiles);
    const summary = summaryLine(dry.stdout)!;
    expect(summary.before).toBe(findings.length);
    expect(summary.manual).toBe(findings.filter((finding) => !finding.fixable).length);
  });

  it('lists files in a stable, sorted order', () => {
    const files = filesInDiff(dry.stdout);
    expect(files).toEqual([...files].sort());
  });
});

describe('colour', () => {
  it('colours the diff only when asked (FORCE_COLOR), and the colours are the only difference', async () => {
    const repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n" });
    try {
      const plain = await repo.run(['run', 'imports']);
      const coloured = await repo.run(['run', 'imports'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(plain.stdout).not.toMatch(/\x1b\[/);
      expect(coloured.stdout).toMatch(/\x1b\[/);
      expect(coloured.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain.stdout);
      // NO_COLOR wins over FORCE_COLOR.
      expect((await repo.run(['run', 'imports'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).toBe(plain.stdout);
    } finally {
      repo.remove();
    }
  });
});

describe('run --help', () => {
  it('documents --write, --patch, --allow-dirty, --repo and --config', async () => {
    const help = await runMain(['run', '--help']);
    expect(help.status).toBe(0);
    for (const option of ['--write', '--patch', '--allow-dirty', '--repo', '--config']) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${option}\\s+\\S`, 'm'));
    }
    expect(help.stdout).toMatch(/imports/);
  });
});

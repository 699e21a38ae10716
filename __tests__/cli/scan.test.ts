// `ssot-migrate scan` on a copy of the embedded example, in-process: the counts the design promises, in
// every format, and the exit code CI reads.
import { copyExample, makeRepo, parseScanJson, smallRepoFiles, type CliResult, type ScanJson, type TempRepo } from '../helpers/cli-repo';

describe('scan on the example', () => {
  let repo: TempRepo;
  let json: CliResult;
  let report: ScanJson;
  let table: CliResult;
  let markdown: CliResult;
  let before: Map<string, string>;

  beforeAll(async () => {
    repo = copyExample();
    before = repo.snapshot();
    json = await repo.run(['scan', '--format', 'json']);
    report = parseScanJson(json);
    table = await repo.run(['scan']);
    markdown = await repo.run(['scan', '--format', 'markdown']);
  });
  afterAll(() => repo.remove());

  it('finds exactly the 38 files that import both a legacy and the canonical manager', () => {
    const dualFiles = report.files.filter((file) => file.findingsBefore.some((finding) => finding.kind === 'dual-import'));
    expect(new Set(dualFiles.map((file) => file.file)).size).toBe(38);
    const count = report.counts.find((entry) => entry.phase === 'imports' && entry.kind === 'dual-import');
    expect(count).toMatchObject({ total: 38, files: 38 });
  });

  it('exits 1 because violations remain, and keeps progress off stdout', () => {
    expect(json.status).toBe(1);
    expect(json.stderr).toMatch(/scanning 110 files/);
    expect(json.stdout.trimStart().startsWith('{')).toBe(true);
  });

  it('counts every finding exactly once in `counts` (total = fixable + manual = findings listed)', () => {
    const findings = report.files.flatMap((file) => file.findingsBefore);
    for (const count of report.counts) {
      const mine = findings.filter((finding) => finding.phase === count.phase && finding.kind === count.kind);
      expect({ kind: count.kind, total: count.total, fixable: count.fixable, manual: count.manual, files: count.files }).toEqual({
        kind: count.kind,
        total: mine.length,
        fixable: mine.filter((finding) => finding.fixable).length,
        manual: mine.filter((finding) => !finding.fixable).length,
        files: new Set(mine.map((finding) => finding.file)).size,
      });
    }
    expect(report.filesScanned).toBe(110);
  });

  it('gives every manual item a reason and a location', () => {
    const manual = report.files.flatMap((file) => file.findingsBefore).filter((finding) => !finding.fixable);
    expect(manual.length).toBeGreaterThan(0);
    for (const item of manual) {
      expect(item.reason?.trim()).toBeTruthy();
      expect(item.line).toBeGreaterThan(0);
      expect(item.column).toBeGreaterThan(0);
    }
  });

  it('prints a table naming the phase and every kind, with the same numbers as the JSON', () => {
    expect(table.status).toBe(1);
    expect(table.stdout).toMatch(/^phase\s+kind\s+violations\s+fixable\s+manual\s+files/m);
    for (const count of report.counts) {
      const row = new RegExp(`^${count.phase}\\s+${count.kind}\\s+${count.total}\\s+${count.fixable}\\s+${count.manual}\\s+${count.files}\\s*$`, 'm');
      expect(table.stdout).toMatch(row);
    }
    expect(table.stdout).toMatch(/dual-import/);
    expect(table.stdout).toMatch(/legacy-import/);
    expect(table.stdout).not.toMatch(/\x1b\[/);
  });

  it('prints Markdown that starts with a heading and has the counts table', () => {
    expect(markdown.status).toBe(1);
    expect(markdown.stdout).toMatch(/^#{1,6} \S/);
    expect(markdown.stdout).toMatch(/^\| imports \| dual-import \| 38 \|/m);
  });

  it('writes nothing', () => {
    expect(repo.snapshot()).toEqual(before);
  });
});

describe('scan exit codes', () => {
  it('exits 0 on a repo with no legacy references (a mention in a comment is not a violation)', async () => {
    // The legacy module itself is gone too (a facade that phase 2 deleted): nothing is left.
    const { 'src/websocket_manager.ts': _facade, ...files } = smallRepoFiles();
    const repo = makeRepo({
      ...files,
      'src/consumer.ts': "// formerly imported from './websocket_manager'\nimport { UnifiedWebSocketManager } from './unified_manager';\nexport const manager = new UnifiedWebSocketManager();\n",
    });
    try {
      const result = await repo.run(['scan', '--format', 'json']);
      expect(result.status).toBe(0);
      const report = parseScanJson(result);
      expect(report.files.flatMap((file) => file.findingsBefore)).toEqual([]);
      expect(report.counts).toEqual([]);
    } finally {
      repo.remove();
    }
  });

  it('exits 1 on the same repo once one file imports the legacy path', async () => {
    const repo = makeRepo({
      ...smallRepoFiles(),
      'src/consumer.ts': "import { WebSocketManager } from './websocket_manager';\nexport const manager = new WebSocketManager();\n",
    });
    try {
      const result = await repo.run(['scan', '--format', 'json']);
      expect(result.status).toBe(1);
      const findings = parseScanJson(result).files.flatMap((file) => file.findingsBefore);
      expect(findings.filter((finding) => finding.phase === 'imports')).toEqual([expect.objectContaining({ file: 'src/consumer.ts', line: 1, kind: 'legacy-import', fixable: true })]);
      // The legacy module is a facade too: phase 2 counts it and the import that keeps it alive.
      expect(findings.filter((finding) => finding.phase === 'facades').map((finding) => [finding.file, finding.kind])).toEqual([
        ['src/consumer.ts', 'facade-import'],
        ['src/websocket_manager.ts', 'facade'],
      ]);
    } finally {
      repo.remove();
    }
  });
});

// A file that fails to parse is skipped with a message naming it and its line, counted, and the
// run goes on: the other files are still rewritten, and the exit code says something was skipped.
import { changedPaths, makeRepo, parseScanJson, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';

// Mentions the legacy path, so the text prefilter lets it through to the parser.
const BROKEN = "// two comment lines first,\n// so the error is on line 3\nimport { from './websocket_manager';\nexport const broken = 1;\n";
const GOOD = "import { WebSocketManager } from './websocket_manager';\nexport const good = new WebSocketManager();\n";

describe('a file that does not parse', () => {
  let repo: TempRepo;
  let before: Map<string, string>;
  let write: CliResult;
  let scanAfter: CliResult;

  beforeAll(async () => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/broken.ts': BROKEN, 'src/good.ts': GOOD, 'src/z_last.ts': GOOD.replace('good', 'last') });
    before = repo.snapshot();
    write = await repo.run(['run', 'imports', '--write']);
    scanAfter = await repo.run(['scan', '--format', 'json']);
  });
  afterAll(() => repo.remove());

  it('is skipped with a message naming the file and its line', () => {
    const output = write.stdout + write.stderr;
    expect(output).toMatch(/src\/broken\.ts:3(:\d+)?\b.*(skip|parse)/i);
    expect(output).toMatch(/Skipped \(1\)/);
  });

  it('is left byte for byte as it was', () => {
    expect(repo.read('src/broken.ts')).toBe(BROKEN);
  });

  it('does not stop the run: the files before and after it are rewritten', () => {
    expect(changedPaths(before, repo.snapshot())).toEqual(['src/good.ts', 'src/z_last.ts']);
    expect(repo.read('src/good.ts')).toBe("import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\nexport const good = new WebSocketManager();\n");
  });

  it('makes the run exit 1', () => {
    expect(write.status).toBe(1);
  });

  it('is reported by scan too, which exits 1 even though nothing else is left', () => {
    expect(scanAfter.status).toBe(1);
    const report = parseScanJson(scanAfter);
    const broken = report.files.find((file) => file.file === 'src/broken.ts');
    expect(broken).toMatchObject({ status: 'skipped' });
    expect(broken!.error).toMatch(/src\/broken\.ts:3/);
    // (Phase 2 still lists the facade nothing imports any more; it is not this test's business.)
    expect(report.files.flatMap((file) => file.findingsBefore).filter((finding) => finding.phase === 'imports')).toEqual([]);
  });

  it('is skipped by a dry run too, with the same exit code and nothing written', async () => {
    const fresh = makeRepo({ ...smallRepoFiles(), 'src/broken.ts': BROKEN, 'src/good.ts': GOOD });
    try {
      const snapshot = fresh.snapshot();
      const dry = await fresh.run(['run', 'imports']);
      expect(dry.status).toBe(1);
      expect(dry.stdout).toMatch(/^diff --git a\/src\/good\.ts/m);
      expect(dry.stdout + dry.stderr).toMatch(/src\/broken\.ts:3/);
      expect(changedPaths(snapshot, fresh.snapshot())).toEqual([]);
    } finally {
      fresh.remove();
    }
  });
});

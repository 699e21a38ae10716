// The type checker (ts-morph, a whole TypeScript compiler) loads only when a phase asks for types:
// a run whose config has no type-aware section never loads it, and one that has such a section
// and files for it loads it in the shipped ES module build, where nothing can require it ahead.
import { makeRepo, runCli, SMALL_CONFIG, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";
/** Loaded with --require into the binary: says on stderr, at exit, whether ts-morph was loaded. */
const REPORT_TS_MORPH = "process.on('exit', () => process.stderr.write(`ts-morph loaded: ${Object.keys(require.cache).some((file) => /[\\\\/]ts-morph[\\\\/]dist[\\\\/]/.test(file))}\\n`));\n";

function repoWith(config: object): TempRepo {
  return makeRepo({ ...smallRepoFiles(), 'ssot.config.json': JSON.stringify(config, null, 2) + '\n', 'src/a.ts': CONSUMER, 'report-ts-morph.cjs': REPORT_TS_MORPH });
}

function scanReport(repo: TempRepo): { status: number | null; stderr: string; loaded: boolean } {
  const output = runCli(['scan', '--format', 'json', '--repo', repo.root], { cwd: repo.root, env: { NODE_OPTIONS: `--require ${repo.path('report-ts-morph.cjs')}` } });
  const line = /^ts-morph loaded: (true|false)$/m.exec(output.stderr);
  if (!line) throw new Error(`no report from the hook:\n${output.stderr}`);
  return { status: output.status, stderr: output.stderr, loaded: line[1] === 'true' };
}

describe('the type checker on demand', () => {
  let untyped: TempRepo;
  let typed: TempRepo;
  beforeAll(() => {
    untyped = repoWith(SMALL_CONFIG);
    // The canonical class's name is a term of the signatures phase: the canonical module and the facade are its candidates.
    typed = repoWith({ ...SMALL_CONFIG, signatures: { templates: [] } });
  });
  afterAll(() => {
    untyped.remove();
    typed.remove();
  });

  it('is not loaded by a scan whose config has no signatures or factories section', () => {
    const report = scanReport(untyped);
    expect(report.stderr).not.toMatch(/internal error/);
    expect(report.status).toBe(1);
    expect(report.loaded).toBe(false);
  });

  it('is loaded, synchronously, when a configured phase has candidate files, and the scan completes', () => {
    const report = scanReport(typed);
    expect(report.stderr).not.toMatch(/internal error|asked for before/);
    expect(report.status).toBe(1);
    expect(report.loaded).toBe(true);
  });
});

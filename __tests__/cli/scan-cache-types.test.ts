// The scan cache on the example, whose signatures and factories phases analyse types across
// files: after each edit a cached scan gives exactly what a cold one gives, and reuses what the
// edit cannot have changed. The edits build on each other, in order, on one copy.
import { copyExample, type CliResult, type TempRepo } from '../helpers/cli-repo';

interface ScanJson {
  filesScanned: number;
  files: Array<{ file: string; findingsBefore: Array<{ messageId: string; line: number }> }>;
}

function jsonOf(result: CliResult): ScanJson {
  expect(result.stderr).not.toMatch(/internal error/);
  return JSON.parse(result.stdout) as ScanJson;
}

/** How many files the cached scan took from the cache (0 when it says nothing). */
function reusedIn(result: CliResult): number {
  return Number(/\((\d+) files unchanged since the cached scan\)/.exec(result.stderr)?.[1] ?? 0);
}

function findingsOf(scan: ScanJson, file: string): string[] {
  return (scan.files.find((entry) => entry.file === file)?.findingsBefore ?? []).map((finding) => `${finding.line}:${finding.messageId}`);
}

describe('the scan cache with type-aware phases (the example)', () => {
  const CANDIDATE = 'src/agents/agent_registry.ts';
  /** Imported by the candidate above; no phase looks for anything in it. */
  const IMPORTED = 'src/context/user_execution_context.ts';
  /** Imported by no candidate, and nothing any phase looks for. */
  const UNRELATED = 'src/services/rate_limiter.ts';
  let repo: TempRepo;
  let last: ScanJson;
  beforeAll(async () => {
    repo = copyExample();
    last = jsonOf(await repo.run(['scan', '--format', 'json', '--cache']));
  });
  afterAll(() => repo.remove());

  /** Runs a cached scan then a cold one; they must agree. */
  async function cachedAgreesWithCold(): Promise<{ cached: CliResult; scan: ScanJson }> {
    const cached = await repo.run(['scan', '--format', 'json', '--cache']);
    const cold = await repo.run(['scan', '--format', 'json']);
    expect(cached.stdout).toBe(cold.stdout);
    expect(cached.status).toBe(cold.status);
    return { cached, scan: jsonOf(cached) };
  }

  it('sees a finding added to a type candidate', async () => {
    repo.write(CANDIDATE, `${repo.read(CANDIDATE)}\nexport const sharedManager = ws.getWebSocketManager();\n`);
    const { scan } = await cachedAgreesWithCold();
    expect(findingsOf(scan, CANDIDATE)).not.toEqual(findingsOf(last, CANDIDATE));
    last = scan;
  });

  it('keeps the results of files no type analysis feeds when a comment in a candidate changes', async () => {
    repo.write(CANDIDATE, `// Registry of the agents a run may start.\n${repo.read(CANDIDATE)}`);
    const { cached, scan } = await cachedAgreesWithCold();
    expect(reusedIn(cached)).toBeGreaterThan(0);
    // Every line below the new one moved: the candidate was visited again.
    expect(findingsOf(scan, CANDIDATE)).not.toEqual(findingsOf(last, CANDIDATE));
  });

  it('analyses the candidates again when a file they import changes', async () => {
    repo.write(IMPORTED, `${repo.read(IMPORTED)}\nexport type RunLabel = string;\n`);
    const { cached, scan } = await cachedAgreesWithCold();
    expect(reusedIn(cached)).toBeGreaterThan(0);
    expect(reusedIn(cached)).toBeLessThan(scan.filesScanned - 1);
  });

  it('reuses every other file when a file outside the analysis changes', async () => {
    repo.write(UNRELATED, `${repo.read(UNRELATED)}\nexport const windowSeconds = 60;\n`);
    const { cached, scan } = await cachedAgreesWithCold();
    expect(reusedIn(cached)).toBe(scan.filesScanned - 1);
  });
});

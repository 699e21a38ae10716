// The counts a reviewer acts on are true: a read-only file is not counted as changed, `run` and
// `scan` count the same violations on the same tree, and a dry run names exactly the manual
// items its write leaves behind.
import fs from 'node:fs';
import { copyExample, makeRepo, parseScanJson, smallRepoFiles, summaryLine, type ScanFinding, type ScanJson, type TempRepo } from '../helpers/cli-repo';

// The pass through the four phases below is one hook: minutes on a loaded machine.
jest.setTimeout(600_000);

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";

describe('a read-only file in a run', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, 'src/locked.ts': CONSUMER.replace('const a', 'const locked') }, { git: true });
    fs.chmodSync(repo.path('src/locked.ts'), 0o444);
  });
  afterEach(() => {
    fs.chmodSync(repo.path('src/locked.ts'), 0o644);
    repo.remove();
  });

  it('is not counted as changed by --write, and its violations stay in the after count', async () => {
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.status).toBe(1);
    expect(summaryLine(result.stdout)).toEqual({ files: 1, before: 2, after: 1, manual: 0 });
    expect(result.stdout).toMatch(/^Skipped \(1\):\n {2}src\/locked\.ts: read-only; not written$/m);
    expect(repo.read('src/locked.ts')).toBe(CONSUMER.replace('const a', 'const locked'));
  });

  it('is left out of the dry run too, so the diff stays what --write writes', async () => {
    const result = await repo.run(['run', 'imports']);
    expect(summaryLine(result.stdout)).toEqual({ files: 1, before: 2, after: 1, manual: 0 });
    expect(result.stdout).not.toContain('diff --git a/src/locked.ts');
    expect(result.stdout).toContain('diff --git a/src/a.ts');
  });
});

const key = (finding: ScanFinding): string => `${finding.phase} ${finding.kind} ${finding.file}:${finding.line}:${finding.column}`;

/** One phase of the migration: the scan of the tree it runs on, its dry run, and the scan after its write. */
interface Step {
  phase: string;
  scanBefore: ScanJson;
  dry: ScanJson;
  scanAfter: ScanJson;
}

describe('run and scan on the example, phase after phase', () => {
  let repo: TempRepo;
  const steps: Step[] = [];
  // One pass through the migration serves both tests: each phase's dry run is compared with the
  // scan of the same tree, and its predictions with the scan after its write. The type-check gate
  // is not what this checks (its own tests do); both sides skip it alike.
  beforeAll(async () => {
    repo = copyExample({ git: true });
    let scan = parseScanJson(await repo.run(['scan', '--format', 'json']));
    for (const phase of ['imports', 'facades', 'signatures', 'factories']) {
      const dry = parseScanJson(await repo.run(['run', phase, '--format', 'json', '--no-verify']));
      await repo.run(['run', phase, '--write', '--no-verify']);
      repo.commitAll(phase);
      const scanAfter = parseScanJson(await repo.run(['scan', '--format', 'json']));
      steps.push({ phase, scanBefore: scan, dry, scanAfter });
      scan = scanAfter;
    }
  });
  afterAll(() => repo.remove());

  it('count the same violations of every phase on the same tree', () => {
    expect(steps.map((step) => step.phase)).toEqual(['imports', 'facades', 'signatures', 'factories']);
    for (const { phase, scanBefore, dry } of steps) {
      const ofPhase = (findings: ScanFinding[]) => findings.filter((finding) => finding.phase === phase).map(key).sort();
      const scanned = ofPhase(scanBefore.files.flatMap((file) => file.findingsBefore));
      expect(scanned.length).toBeGreaterThan(0);
      expect({ phase, run: ofPhase(dry.files.flatMap((file) => file.findingsBefore)) }).toEqual({ phase, run: scanned });
    }
  });

  it('a dry run names exactly the manual items the write leaves, phase after phase', () => {
    expect(steps).toHaveLength(4);
    for (const { phase, dry, scanAfter } of steps) {
      const predicted = dry.files.flatMap((file) => file.findingsAfter).filter((finding) => finding.phase === phase && !finding.fixable).map(key).sort();
      const left = scanAfter.files.flatMap((file) => file.findingsBefore).filter((finding) => finding.phase === phase);
      expect({ phase, left: left.map(key).sort() }).toEqual({ phase, left: predicted });
      expect(left.every((finding) => !finding.fixable)).toBe(true);
    }
  });
});

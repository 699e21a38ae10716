// The ratchet end to end on a copy of the example, the history and its report on a small repo (in-process).
import fs from 'node:fs';
import { copyExample, makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

describe('the baseline ratchet on the example', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = copyExample({ git: true });
  });
  afterAll(() => repo.remove());

  it('writes a sorted baseline with one file per line', async () => {
    const result = await repo.run(['scan', '--update-baseline']);
    expect(result.status).toBe(0);
    const lines = repo.read('.ssot/baseline.json').trimEnd().split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[lines.length - 1]).toBe('}');
    const files = lines
      .slice(1, -1)
      .map((line) => JSON.parse(`{${line.replace(/,$/, '')}}`) as Record<string, Record<string, number>>)
      .map((entry) => Object.keys(entry)[0]!);
    expect(files).toEqual([...files].sort());
    expect(files).toContain('src/services/chat/chat_service.ts');
  });

  it('passes while no count rose', async () => {
    const result = await repo.run(['scan', '--baseline']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no count rose');
  });

  it('fails when a file gains a legacy import, naming the file and the line', async () => {
    const file = 'src/services/health_service.ts';
    const original = repo.read(file);
    repo.write(file, `import { WebSocketManager as AddedManager } from './../websocket_core/websocket_manager';\nexport const added = AddedManager;\n${original}`);
    try {
      const result = await repo.run(['scan', '--baseline']);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/new violations? — this run fails/);
      expect(result.stdout).toContain(`${file}:1:`);
    } finally {
      repo.write(file, original);
    }
  });

  it('passes when counts fall, says how to tighten, and reports stale entries', async () => {
    // Fixed by hand (here: removed), so the counts fall without a --write, which tightens the baseline itself.
    fs.rmSync(repo.path('src/services/chat/chat_service.ts'));
    const result = await repo.run(['scan', '--baseline']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--update-baseline');
    expect(result.stdout).toMatch(/stale entr(y|ies)/);
    // Tightened, the baseline lists fewer files and the stale ones are gone.
    const before = repo.read('.ssot/baseline.json').split('\n').length;
    expect((await repo.run(['scan', '--update-baseline'])).status).toBe(0);
    expect(repo.read('.ssot/baseline.json').split('\n').length).toBeLessThan(before);
    expect((await repo.run(['scan', '--baseline'])).stdout).not.toMatch(/stale/);
  });
});

// What these check does not depend on the example: a small repo with one legacy import is enough,
// and each of its scans takes a fraction of the example's.
const LEGACY_CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = WebSocketManager;\n";

describe('a missing or broken baseline', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY_CONSUMER });
  });
  afterAll(() => repo.remove());

  it('names the baseline file when it is missing or broken', async () => {
    const missing = await repo.run(['scan', '--baseline', 'nope.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no baseline file/);
    repo.write('broken.json', '{ "src/a.ts": { "imports/legacy-import": "two" } }');
    const broken = await repo.run(['scan', '--baseline', 'broken.json']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json: "src\/a\.ts"\."imports\/legacy-import": expected a count/);
  });
});

describe('history and report', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY_CONSUMER }, { git: true });
  });
  afterAll(() => repo.remove());

  it('records a line per scan and charts the fall after each phase is written', async () => {
    expect((await repo.run(['scan', '--record'])).status).toBe(1);
    // --no-verify: the type-check gate is not what this test is about.
    expect((await repo.run(['run', 'imports', '--write', '--no-verify'])).status).toBe(0);
    repo.commitAll('phase 1');
    expect((await repo.run(['scan', '--record'])).status).toBe(1);
    const lines = repo.read('.ssot/history.jsonl').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => JSON.parse(line) as { commit: string; counts: Array<{ phase: string; total: number; fixable: number }> });
    const total = (record: typeof first) => record!.counts.filter((count) => count.phase === 'imports').reduce((sum, count) => sum + count.total, 0);
    expect(total(second)).toBeLessThan(total(first));
    expect(second!.commit).not.toBe(first!.commit);

    const report = await repo.run(['report']);
    expect(report.status).toBe(0);
    expect(report.stdout).toMatch(/\|\s*imports\s*\|/);
    const svg = repo.read('.ssot/burndown.svg');
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('imports');
  });
});

describe('scan formats for CI', () => {
  it('sarif and github formats are offered by the CLI', async () => {
    const repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY_CONSUMER });
    try {
      const sarif = await repo.run(['scan', '--format', 'sarif']);
      expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ssot-migrate' } } }] });
      const github = await repo.run(['scan', '--format', 'github']);
      expect(github.stdout).toMatch(/^::warning file=src\/a\.ts,line=1,/m);
    } finally {
      repo.remove();
    }
  });

  it('with --baseline, github annotations add an error where a count rose', async () => {
    const repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY_CONSUMER });
    try {
      expect((await repo.run(['scan', '--update-baseline'])).status).toBe(0);
      repo.write('src/b.ts', LEGACY_CONSUMER);
      const github = await repo.run(['scan', '--baseline', '--format', 'github']);
      expect(github.status).toBe(1);
      // One per rule that rose in the new file, none for the file the baseline counted.
      const errors = github.stdout.split('\n').filter((line) => line.startsWith('::error'));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((line) => line.startsWith('::error file=src/b.ts,'))).toBe(true);
      expect(errors).toContainEqual(
        expect.stringMatching(/^::error file=src\/b\.ts,line=1,col=\d+,title=imports\/legacy-import rose::imports\/legacy-import: 0 → 1 in this file, above the baseline \.ssot\/baseline\.json$/),
      );
    } finally {
      repo.remove();
    }
  });
});

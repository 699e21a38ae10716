// `scan --update-baseline` only ever tightens the ratchet: a count that rose is printed and the
// baseline is left as it was, unless --allow-increase says the rise is accepted.
import { makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

const LEGACY_CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const x = new WebSocketManager();\n";

describe('scan --update-baseline', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': LEGACY_CONSUMER });
  });
  afterEach(() => repo.remove());

  it('writes a first baseline without asking', async () => {
    const result = await repo.run(['scan', '--update-baseline']);
    expect(result.status).toBe(0);
    expect(repo.read('.ssot/baseline.json')).toContain('"src/a.ts"');
  });

  it('refuses to raise a count, printing what rose, and keeps the old file', async () => {
    expect((await repo.run(['scan', '--update-baseline'])).status).toBe(0);
    const before = repo.read('.ssot/baseline.json');
    repo.write('src/b.ts', LEGACY_CONSUMER);
    const result = await repo.run(['scan', '--update-baseline']);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/src\/b\.ts +\[imports\/legacy-import\] 0 → 1/);
    expect(result.stdout).toContain('src/b.ts:1:');
    expect(result.stderr).toMatch(/^ssot-migrate: \.ssot\/baseline\.json: \d+ counts? would rise; not written$/m);
    expect(result.stderr).toContain('--allow-increase');
    expect(repo.read('.ssot/baseline.json')).toBe(before);
  });

  it('raises it with --allow-increase, and still lists what rose', async () => {
    expect((await repo.run(['scan', '--update-baseline'])).status).toBe(0);
    repo.write('src/b.ts', LEGACY_CONSUMER);
    const result = await repo.run(['scan', '--update-baseline', '--allow-increase']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/src\/b\.ts +\[imports\/legacy-import\] 0 → 1/);
    expect(repo.read('.ssot/baseline.json')).toContain('"src/b.ts"');
  });

  it('tightens without asking when counts only fell', async () => {
    repo.write('src/b.ts', LEGACY_CONSUMER);
    expect((await repo.run(['scan', '--update-baseline'])).status).toBe(0);
    repo.write('src/b.ts', 'export const x = 1;\n');
    const result = await repo.run(['scan', '--update-baseline']);
    expect(result.status).toBe(0);
    expect(repo.read('.ssot/baseline.json')).not.toContain('"src/b.ts"');
  });

  it('replaces a broken baseline only with --allow-increase (it cannot tell what rose)', async () => {
    repo.write('.ssot/baseline.json', '{ not json');
    const refused = await repo.run(['scan', '--update-baseline']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/baseline\.json: not valid JSON/);
    expect(refused.stderr).toContain('--allow-increase');
    const replaced = await repo.run(['scan', '--update-baseline', '--allow-increase']);
    expect(replaced.status).toBe(0);
    expect(repo.read('.ssot/baseline.json')).toContain('"src/a.ts"');
  });
});

// Hostile and broken input: every config mistake is one line naming the field, exit 2, nothing
// written; files that cannot be rewritten safely are skipped with the reason; read-only files
// are left alone and reported while the rest is written.
import fs from 'node:fs';
import { makeRepo, smallRepoFiles, SMALL_CONFIG, type TempRepo } from '../helpers/cli-repo';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n";

function withConfig(config: unknown, extra: Record<string, string> = {}): TempRepo {
  return makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, ...extra, 'ssot.config.json': JSON.stringify(config) });
}

describe('config mistakes', () => {
  const legacy = SMALL_CONFIG.legacy[0]!;
  it.each([
    ['an unknown key', { ...SMALL_CONFIG, legacyy: [] }, '(root): unknown field "legacyy"'],
    ['a wrong type', { ...SMALL_CONFIG, legacy: [{ ...legacy, exports: 'all' }] }, 'legacy[0].exports: expected an object, got a string ("all")'],
    ['a canonical module that does not exist', { ...SMALL_CONFIG, canonical: { module: 'src/nope.ts' } }, 'canonical.module: no file "src/nope.ts" in the repo'],
    [
      'a rename to an export the canonical module lacks',
      { ...SMALL_CONFIG, legacy: [{ ...legacy, exports: { WebSocketManager: 'UnifiedManagr' } }] },
      'legacy[0].exports.WebSocketManager: src/unified_manager.ts has no export "UnifiedManagr"',
    ],
    [
      'a duplicate mapping',
      {
        ...SMALL_CONFIG,
        moves: [{ from: { module: 'src/websocket_manager.ts', export: 'WebSocketManager' }, to: { module: 'src/unified_manager.ts', export: 'UnifiedWebSocketManager' } }],
      },
      'moves[0]: src/websocket_manager.ts "WebSocketManager" is also mapped by legacy[0].exports.WebSocketManager',
    ],
    [
      'a mapping cycle',
      {
        ...SMALL_CONFIG,
        legacy: [
          { ...legacy, to: 'src/other.ts' },
          { module: 'src/other.ts', to: 'src/websocket_manager.ts' },
        ],
      },
      'legacy[0].to: src/other.ts is itself a legacy module (src/websocket_manager.ts → src/other.ts); name the module the exports finally live in',
    ],
    ['a path that escapes the repo', { ...SMALL_CONFIG, legacy: [{ module: '../outside.ts' }] }, 'legacy[0].module: "../outside.ts" is outside the repo'],
    [
      'a move of a name to itself',
      { ...SMALL_CONFIG, moves: [{ from: { module: 'src/other.ts', export: 'other' }, to: { module: 'src/other.ts', export: 'other' } }] },
      'moves[0]: moves src/other.ts "other" to itself',
    ],
    [
      'a rename to an export the module lacks',
      { ...SMALL_CONFIG, moves: [{ from: { module: 'src/other.ts', export: 'old' }, to: { module: 'src/other.ts', export: 'othr' } }] },
      'moves[0].to.export: src/other.ts has no export "othr"',
    ],
    [
      'a path pattern over repo files',
      { ...SMALL_CONFIG, legacy: [{ module: './src/*', to: './lib/*' }] },
      'legacy[0].module: "./src/*": a pattern names package paths (`old-scope/*`), not repo files',
    ],
    ['a path pattern with two wildcards', { ...SMALL_CONFIG, legacy: [{ module: 'old/*/x/*', to: 'new/*' }] }, 'legacy[0].module: "old/*/x/*" has more than one *'],
    ['a legacy module with nowhere to go', { legacy: [{ module: 'src/websocket_manager.ts' }] }, 'legacy[0].to: required when the config names no canonical module'],
  ])('%s: one line naming the field, exit 2, nothing written', async (_what, config, message) => {
    const repo = withConfig(config, { 'src/other.ts': 'export const other = 1;\n' });
    try {
      const before = repo.snapshot();
      const result = await repo.run(['run', 'imports', '--write']);
      expect(result.status).toBe(2);
      const [first] = result.stderr.trim().split('\n');
      expect(first).toContain('ssot.config.json: ' + message);
      expect(repo.snapshot()).toEqual(before);
    } finally {
      repo.remove();
    }
  });
});

describe('source files that cannot be rewritten safely', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, 'src/z.ts': CONSUMER.replace('const a', 'const z') });
    repo.write('src/binary.ts', Buffer.concat([Buffer.from("import { WebSocketManager } from './websocket_manager';\n"), Buffer.from([0, 1, 2, 0])]));
    repo.write('src/latin1.ts', Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${CONSUMER}`)]));
    repo.write('src/huge.ts', CONSUMER + `export const blob = '${'x'.repeat(5 * 1024 * 1024)}';\n`);
    repo.write('src/unrelated_latin1.ts', Buffer.concat([Buffer.from('// na'), Buffer.from([0xef]), Buffer.from('ve\nexport const x = 1;\n')]));
  });
  afterAll(() => repo.remove());

  it('skips each with its reason, writes the rest, and exits 1', async () => {
    const originals = new Map(['src/binary.ts', 'src/latin1.ts', 'src/huge.ts'].map((file) => [file, repo.readBytes(file)]));
    const result = await repo.run(['run', 'imports', '--write']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('src/binary.ts: a binary file (it contains NUL bytes); skipped');
    expect(result.stdout).toContain('src/latin1.ts: not valid UTF-8; skipped, since writing it back would change its bytes');
    expect(result.stdout).toMatch(/src\/huge\.ts: larger than 4 MB \(5\.0 MB\); skipped/);
    // A file the migration cannot concern is not reported at all.
    expect(result.stdout).not.toContain('unrelated_latin1');
    for (const [file, bytes] of originals) expect(repo.readBytes(file).equals(bytes)).toBe(true);
    expect(repo.read('src/a.ts')).toContain("from './unified_manager'");
    expect(repo.read('src/z.ts')).toContain("from './unified_manager'");
  });
});

describe('a read-only file', () => {
  it('is reported and left alone while the rest is written', async () => {
    const repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, 'src/locked.ts': CONSUMER.replace('const a', 'const locked') });
    try {
      fs.chmodSync(repo.path('src/locked.ts'), 0o444);
      const result = await repo.run(['run', 'imports', '--write']);
      expect(result.status).toBe(1);
      // Held back before the diff, so the summary lists it among the skipped files.
      expect(result.stdout).toMatch(/^Skipped \(1\):\n {2}src\/locked\.ts: read-only; not written$/m);
      expect(repo.read('src/locked.ts')).toContain("from './websocket_manager'");
      expect(repo.read('src/a.ts')).toContain("from './unified_manager'");
    } finally {
      fs.chmodSync(repo.path('src/locked.ts'), 0o644);
      repo.remove();
    }
  });
});

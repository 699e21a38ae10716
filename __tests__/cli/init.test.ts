// `ssot-migrate init` on a copy of the example and on small repos, in-process. It lists the legacy modules of a canonical module with their kinds, writes a
// config that loads and scans, never overwrites one without --force, and without --canonical
// suggests candidates and writes nothing.
import fs from 'node:fs';
import { copyExample, makeRepo, parseScanJson, type MainResult, type TempRepo } from '../helpers/cli-repo';

const CANONICAL = 'src/websocket_core/unified_manager.ts';

/** `file  role: kind, kind` header lines of the listing, as a map. */
function listedModules(stdout: string): Map<string, { role: string; kinds: string[] }> {
  const modules = new Map<string, { role: string; kinds: string[] }>();
  for (const match of stdout.matchAll(/^(\S+\.ts) {2}(facade|real): (.+)$/gm)) modules.set(match[1]!, { role: match[2]!, kinds: match[3]!.split(', ') });
  return modules;
}

describe('init on the example', () => {
  let repo: TempRepo;
  let suggestions: MainResult;
  let listing: MainResult;
  beforeAll(async () => {
    repo = copyExample();
    fs.rmSync(repo.path('ssot.config.json'));
    suggestions = await repo.run(['init']);
    listing = await repo.run(['init', '--canonical', CANONICAL, '--dry-run']);
  });
  afterAll(() => repo.remove());

  it('without --canonical: names the manager cluster, suggests unified_manager.ts, writes nothing', () => {
    expect(suggestions.status).toBe(0);
    expect(suggestions.stdout).toMatch(/^1\. \*Manager: \d+ modules export Manager classes, some under a second name$/m);
    expect(suggestions.stdout).toMatch(/^ {3}\* src\/websocket_core\/unified_manager\.ts +UnifiedWebSocketManager/m);
    expect(suggestions.stdout).toContain(`--canonical ${CANONICAL}`);
    expect(fs.existsSync(repo.path('ssot.config.json'))).toBe(false);
  });

  it('--canonical lists the 11 other manager modules of websocket_core with their kinds, and the realtime barrel', () => {
    const result = listing;
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const modules = listedModules(result.stdout);
    const core = (file: string): string => `src/websocket_core/${file}`;
    // Each module with the kind that makes it what it is; a module may show more evidence.
    const expected: Record<string, { role: string; kinds: string[] }> = {
      [core('websocket_manager.ts')]: { role: 'real', kinds: ['real-logic'] },
      [core('manager.ts')]: { role: 'real', kinds: ['duplicate-implementation'] },
      [core('connection_manager.ts')]: { role: 'real', kinds: ['duplicate-implementation'] },
      [core('manager_alias.ts')]: { role: 'facade', kinds: ['alias', 'default-flip'] },
      [core('ws_manager_exports.ts')]: { role: 'facade', kinds: ['re-export'] },
      [core('legacy_websocket_manager.ts')]: { role: 'facade', kinds: ['empty-subclass'] },
      [core('manager_functions.ts')]: { role: 'facade', kinds: ['delegating-wrapper'] },
      [core('deprecated_manager.ts')]: { role: 'facade', kinds: ['deprecated-shim'] },
      [core('index.ts')]: { role: 'facade', kinds: ['re-export'] },
      [core('compat/websocket_manager_compat.ts')]: { role: 'facade', kinds: ['alias'] },
      [core('websocket_manager_factory.ts')]: { role: 'facade', kinds: ['delegating-wrapper'] },
      // Not one of the 12 manager modules of the design, but a true facade: a barrel that
      // re-exports ws_manager_exports and aliases WebSocketManager as RealtimeManager.
      'src/services/realtime/index.ts': { role: 'facade', kinds: ['re-export'] },
    };
    expect([...modules.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [file, { role, kinds }] of Object.entries(expected)) {
      expect({ file, role: modules.get(file)?.role }).toEqual({ file, role });
      expect({ file, kinds: modules.get(file)?.kinds }).toEqual({ file, kinds: expect.arrayContaining(kinds) });
    }
    // The database pool's addConnection(dsn) is a coincidence of names, not a manager.
    expect(result.stdout).not.toContain('connection_pool_manager');
    // Evidence: file:line, kind, the line itself.
    expect(result.stdout).toContain('src/websocket_core/legacy_websocket_manager.ts:4  empty-subclass  class LegacyWebSocketManager extends UnifiedWebSocketManager {}');
    expect(result.stdout).toMatch(/src\/websocket_core\/manager\.ts:17 {2}duplicate-implementation {2}export class WebSocketManager \{/);
    // --dry-run writes nothing.
    expect(fs.existsSync(repo.path('ssot.config.json'))).toBe(false);
  });

  it('writes a config that loads, validates and scans; refuses to overwrite it; --force does', async () => {
    const written = await repo.run(['init', '--canonical', CANONICAL]);
    expect(written.status).toBe(0);
    expect(written.stdout).toMatch(/^wrote ssot\.config\.json: 5 legacy modules, \d+ facades/m);
    const config = JSON.parse(repo.read('ssot.config.json'));
    expect(config.canonical).toEqual({ module: CANONICAL });
    expect(config.include).toEqual(['src/**/*.ts', 'tests/**/*.ts']);
    expect(config.legacy.map((entry: { module: string }) => entry.module)).toEqual([
      'src/websocket_core/compat/websocket_manager_compat.ts',
      'src/websocket_core/legacy_websocket_manager.ts',
      'src/websocket_core/manager_alias.ts',
      'src/websocket_core/websocket_manager.ts',
      'src/websocket_core/ws_manager_exports.ts',
    ]);
    expect(config.legacy[3].exports).toMatchObject({ WebSocketManager: 'UnifiedWebSocketManager', WebSocketManagerInterface: 'WebSocketManagerProtocol', getWebSocketManager: null });
    expect(config.facades.modules).toEqual(expect.arrayContaining(['src/websocket_core/manager_alias.ts', 'src/websocket_core/deprecated_manager.ts']));
    expect(config.facades.modules).not.toContain('src/websocket_core/websocket_manager.ts');

    const scan = await repo.run(['scan', '--format', 'json']);
    expect(scan.stderr).not.toMatch(/ssot-migrate:/);
    expect(scan.status).toBe(1);
    const report = parseScanJson(scan);
    // What the scan counts is what the written sections ask for: imports and facades, nothing else.
    expect([...new Set(report.counts.map((count) => count.phase))].sort()).toEqual(['facades', 'imports']);
    // Every facade init lists is one the scan finds.
    const facades = new Set(
      report.files
        .flatMap((file) => file.findingsBefore)
        .filter((finding) => finding.kind === 'facade')
        .map((finding) => finding.file),
    );
    expect(config.facades.modules.filter((module: string) => !facades.has(module))).toEqual([]);

    const before = repo.read('ssot.config.json');
    const refused = await repo.run(['init', '--canonical', CANONICAL]);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.split('\n')[0]).toBe(`ssot-migrate: ${repo.path('ssot.config.json')}: a config already exists; init does not overwrite it`);
    expect(refused.stderr).toMatch(/fix: pass --force/);

    fs.writeFileSync(repo.path('ssot.config.json'), '{ "stale": true }\n');
    const forced = await repo.run(['init', '--canonical', CANONICAL, '--force']);
    expect(forced.status).toBe(0);
    expect(repo.read('ssot.config.json')).toBe(before);
  });

  it('a missing --canonical file: one line, exit 2, nothing written', async () => {
    const result = await repo.run(['init', '--canonical', 'src/websocket_core/nope.ts', '--force']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ssot-migrate: --canonical: no file "src\/websocket_core\/nope\.ts" in the repo /);
    expect(lines.slice(1)).toEqual(['  fix: name a file of the repo (relative to its root) or a package specifier']);
  });
});

describe('init on a small repo', () => {
  it('an alias module becomes a legacy entry with its rename and a facade; --config names where to write', async () => {
    const repo = makeRepo({
      'src/unified.ts': 'export class Unified {\n  send(): void {}\n}\n',
      'src/old.ts': "import { Unified } from './unified';\nexport const Old = Unified;\n",
      'src/use.ts': "import { Old } from './old';\nexport const x = new Old();\n",
    });
    try {
      const result = await repo.run(['init', '--canonical', 'src/unified.ts', '--config', 'config/ssot.json'], { cwd: repo.root });
      expect(fs.existsSync(repo.path('config'))).toBe(false);
      expect(result.status).toBe(2);
      fs.mkdirSync(repo.path('config'));
      const written = await repo.run(['init', '--canonical', 'src/unified.ts', '--config', 'config/ssot.json']);
      expect(written.status).toBe(0);
      const config = JSON.parse(repo.read('config/ssot.json'));
      expect(config).toEqual({
        include: ['src/**/*.ts'],
        canonical: { module: 'src/unified.ts' },
        legacy: [{ module: 'src/old.ts', exports: { Old: 'Unified' } }],
        facades: { modules: ['src/old.ts'], detect: true, keep: [] },
      });
      expect((await repo.run(['scan', '--config', 'config/ssot.json'])).status).toBe(1);
    } finally {
      repo.remove();
    }
  });

  it('--canonical keeps an alias facade in an index file and writes the package entry points to facades.keep', async () => {
    const repo = makeRepo({
      'package.json': JSON.stringify({ name: 'lib', main: './dist/index.js', exports: { '.': './dist/index.js', './compat': { import: './compat.js' } } }),
      'src/unified.ts': 'export class Unified {\n  send(): void {}\n}\n',
      // The package's entry: a barrel over the canonical module.
      'src/index.ts': "export { Unified } from './unified';\n",
      // An alias facade that happens to be an index file, and is no entry point.
      'src/old/index.ts': "import { Unified } from '../unified';\nexport const Old = Unified;\n",
      // An alias facade that is an entry point (./compat.js is built from src/compat/index.ts).
      'src/compat/index.ts': "import { Unified } from '../unified';\nexport const Compat = Unified;\n",
      'src/use.ts': "import { Old } from './old';\nimport { Compat } from './compat';\nexport const x = [new Old(), new Compat()];\n",
    });
    try {
      const written = await repo.run(['init', '--canonical', 'src/unified.ts']);
      expect(written.stderr).toBe('');
      expect(written.stdout).toMatch(/^wrote ssot\.config\.json: \d+ legacy modules?, 1 facade, 2 package entry points kept\./m);
      const config = JSON.parse(repo.read('ssot.config.json'));
      expect(config.facades).toEqual({ modules: ['src/old/index.ts'], detect: true, keep: ['src/compat/index.ts', 'src/index.ts'] });
      expect((await repo.run(['scan'])).status).toBe(1);
    } finally {
      repo.remove();
    }
  });

  it('--barrels lists the barrels most imported first, keeps the package entry, and writes a config phase 2 flattens them with', async () => {
    const repo = makeRepo({
      'package.json': JSON.stringify({ name: 'shapes', main: './dist/index.js' }),
      'src/geometry/point.ts': 'export const ORIGIN = { x: 0, y: 0 };\n',
      'src/geometry/rect.ts': 'export function area(w: number, h: number): number {\n  return w * h;\n}\n',
      'src/geometry/index.ts': "export * from './point';\nexport * from './rect';\n",
      'src/index.ts': "export * from './geometry';\n",
      'src/a.ts': "import { ORIGIN } from './geometry';\nexport const o = ORIGIN;\n",
      'src/b.ts': "import { area } from './geometry';\nexport const a = area(1, 2);\n",
    });
    try {
      fs.rmSync(repo.path('ssot.config.json'), { force: true });
      const hint = await repo.run(['init']);
      expect(hint.stdout).toMatch(/^2 modules only re-export \(barrels\): ssot-migrate init --repo \S+ --barrels writes a config that flattens them/m);
      const written = await repo.run(['init', '--barrels']);
      expect(written.stderr).toBe('');
      expect(written.stdout.split('\n').slice(0, 3)).toEqual([
        '2 barrels (modules that only re-export), most imported first:',
        '  src/geometry/index.ts  imported by 3 files, hands on from 2 modules; stays, handed on by src/index.ts (its importers are pointed past it)',
        '  src/index.ts           imported by 0 files, hands on from 1 module; kept: package.json names ./dist/index.js',
      ]);
      expect(written.stdout).toMatch(/^wrote ssot\.config\.json: facades\.discover "barrels": 1 barrel to flatten \(it stays as an entry point hands it on\), 1 entry point kept\./m);
      expect(JSON.parse(repo.read('ssot.config.json')).facades).toEqual({ discover: 'barrels', keep: ['src/index.ts'] });
      const run = await repo.run(['run', 'facades', '--write', '--no-verify']);
      expect(run.status).toBe(0);
      expect(repo.read('src/a.ts')).toBe("import { ORIGIN } from './geometry/point';\nexport const o = ORIGIN;\n");
      expect(repo.read('src/index.ts')).toBe("export * from './geometry';\n");
      expect(repo.read('src/geometry/index.ts')).toBe("export * from './point';\nexport * from './rect';\n");
    } finally {
      repo.remove();
    }
  });
});

import { createProject } from '../../src/engine/project';
import { parseConfig } from '../../src/config/load-config';
import { CanonicalMap } from '../../transforms/shared/canonical-map';
import { makeRepo } from '../helpers/cli-repo';

const files = {
  'src/unified_manager.ts': 'export class UnifiedWebSocketManager {}\nexport interface Protocol { send(): void }\n',
  'src/websocket_manager.ts': "export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\nexport function getWebSocketManager() {}\n",
  'src/index.ts': "export * from './websocket_manager';\n",
  'src/outer/index.ts': "export { WebSocketManager as Manager } from '..';\n",
};

function mapFor(config: object): CanonicalMap {
  const repoRoot = makeRepo(files).root;
  return new CanonicalMap(createProject({ repoRoot, config: parseConfig(JSON.stringify({ include: ['**/*.ts'], ...config }), 'ssot.config.json') }));
}

describe('CanonicalMap', () => {
  const map = mapFor({
    canonical: { module: 'src/unified_manager.ts' },
    legacy: [{ module: 'src/websocket_manager.ts', exports: { WebSocketManager: 'UnifiedWebSocketManager', getWebSocketManager: null } }],
  });

  it('follows chains of barrels to the canonical symbol', () => {
    expect(map.reexporterKeys()).toEqual(['src/index.ts', 'src/outer/index.ts']);
    expect(map.destinationOf('src/outer/index.ts', 'Manager')).toMatchObject({ kind: 'move', name: 'UnifiedWebSocketManager', module: { key: 'src/unified_manager.ts' } });
  });

  it('says why an export stays', () => {
    expect(map.destinationOf('src/index.ts', 'getWebSocketManager')).toMatchObject({ kind: 'stay', reason: expect.stringContaining('no canonical counterpart') });
  });

  it('knows type-only exports', () => {
    expect(map.isTypeOnly('src/unified_manager.ts', 'Protocol')).toBe(true);
    expect(map.isTypeOnly('src/unified_manager.ts', 'UnifiedWebSocketManager')).toBe(false);
  });

  it('refuses a rename of an export the legacy module does not have', () => {
    expect(() => mapFor({ canonical: { module: 'src/unified_manager.ts' }, legacy: [{ module: 'src/websocket_manager.ts', exports: { WebSocketManagr: 'UnifiedWebSocketManager' } }] })).toThrow(
      'legacy[0].exports.WebSocketManagr: src/websocket_manager.ts has no export "WebSocketManagr"',
    );
  });

  it('counts a legacy or moved-from module that no longer exists as already migrated (phase 2 deletes facades)', () => {
    const gone = mapFor({
      canonical: { module: 'src/unified_manager.ts' },
      legacy: [{ module: 'src/nope.ts' }],
      moves: [{ from: { module: 'src/gone.ts', export: 'X' }, to: { module: 'src/unified_manager.ts', export: 'UnifiedWebSocketManager' } }],
    });
    expect(gone.legacyKeys()).toEqual([]);
  });

  it('refuses a canonical module or a destination that does not exist, naming the field', () => {
    expect(() => mapFor({ canonical: { module: 'src/nope.ts' } })).toThrow(/^canonical\.module: no file "src\/nope\.ts"/);
    expect(() => mapFor({ canonical: { module: 'src/unified_manager.ts' }, legacy: [{ module: 'src/websocket_manager.ts', to: 'src/nope.ts' }] })).toThrow(/^legacy\[0\]\.to: no file "src\/nope\.ts"/);
    expect(() => mapFor({ canonical: { module: 'src/unified_manager.ts' }, moves: [{ from: { module: 'src/gone.ts', export: 'X' }, to: { module: 'src/nope.ts', export: 'X' } }] })).toThrow(
      /^moves\[0\]\.to\.module: no file "src\/nope\.ts"/,
    );
  });

  it('refuses the canonical module listed as legacy', () => {
    expect(() => mapFor({ canonical: { module: 'src/unified_manager.ts' }, legacy: [{ module: 'src/unified_manager.ts' }] })).toThrow(
      'legacy[0].module: "src/unified_manager.ts" is the canonical module itself',
    );
  });
});

describe('a move whose destination re-exports its source', () => {
  it('treats the destination as where the name goes, not as a barrel to route around', () => {
    const repoRoot = makeRepo({
      'src/unified_manager.ts': 'export class UnifiedWebSocketManager {}\n',
      'src/core/render.ts': 'export function render() {}\n',
      'src/exports/render.ts': "export { render } from '../core/render';\n",
    }).root;
    const map = new CanonicalMap(
      createProject({
        repoRoot,
        config: parseConfig(
          JSON.stringify({
            include: ['**/*.ts'],
            canonical: { module: 'src/unified_manager.ts' },
            moves: [{ from: { module: 'src/core/render.ts', export: 'render' }, to: { module: 'src/exports/render.ts', export: 'render' } }],
          }),
          'ssot.config.json',
        ),
      }),
    );
    expect(map.roleOf('src/exports/render.ts')).toBeUndefined();
    expect(map.destinationOf('src/core/render.ts', 'render')).toMatchObject({ kind: 'move', module: { key: 'src/exports/render.ts' } });
  });
});

describe('CanonicalMap.legacyTerms', () => {
  it('names a repo module by its base name, and a package by its specifier as every member of its group (or a built-in with and without `node:`) spells it', () => {
    const map = new CanonicalMap(
      createProject({
        repoRoot: makeRepo({ 'src/helpers.ts': 'export function common() {}\n', 'src/app.ts': "import { common } from './helpers';\n" }).root,
        config: parseConfig(
          JSON.stringify({
            include: ['**/*.ts'],
            specifiers: { groups: [['@legacy/common', '@legacy/common-es']] },
            moves: [
              { from: { module: '@legacy/common', export: 'format' }, to: { module: '@next/core', export: 'format' } },
              { from: { module: 'src/helpers.ts', export: 'common' }, to: { module: '@next/core', export: 'common' } },
              { from: { module: 'fs/promises', export: 'readFile' }, to: { module: 'src/helpers.ts', export: 'common' } },
            ],
          }),
          'ssot.config.json',
        ),
      }),
    );
    // `common` alone would be every file that says "common": those are parsed, and none names the package.
    expect(map.legacyTerms()).toEqual(['@legacy/common', '@legacy/common-es', 'fs/promises', 'helpers', 'node:fs/promises']);
  });
});

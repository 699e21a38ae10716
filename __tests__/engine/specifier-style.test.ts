import type { ResolvedModule } from '../../src/phase-api/define-phase';
import { writeSpecifier } from '../../transforms/shared/specifier-style';

const aliases = [{ pattern: '@core/*', targets: ['src/core/*'] }];
const canonical = { key: 'src/core/unified_manager.ts', isFile: true };

describe('writeSpecifier', () => {
  const write = (fromFile: string, original: string, target: ResolvedModule = canonical) => writeSpecifier({ fromFile, target, original, aliases, baseUrl: undefined });

  it('writes a relative path from the importing file', () => {
    expect(write('src/features/chat/thread/a.ts', '../../../core/websocket_manager')).toBe('../../../core/unified_manager');
    expect(write('src/core/a.ts', './websocket_manager')).toBe('./unified_manager');
  });

  it('keeps the .js suffix style', () => {
    expect(write('src/a.ts', './core/websocket_manager.js')).toBe('./core/unified_manager.js');
    expect(write('src/a.ts', './core/websocket_manager.ts')).toBe('./core/unified_manager.ts');
  });

  it('keeps the tsconfig paths alias', () => {
    expect(write('src/a.ts', '@core/websocket_manager')).toBe('@core/unified_manager');
  });

  it('writes a folder for an index module unless the file wrote /index', () => {
    const barrel = { key: 'src/core/index.ts', isFile: true };
    expect(write('src/a.ts', './core/websocket_manager', barrel)).toBe('./core');
    expect(write('src/a.ts', './core/old/index', barrel)).toBe('./core/index');
    expect(write('src/a.ts', './core/websocket_manager.js', barrel)).toBe('./core/index.js');
  });

  it('writes a package as its specifier', () => {
    expect(write('src/a.ts', './legacy', { key: 'react-dom/test-utils', isFile: false })).toBe('react-dom/test-utils');
  });

  it('writes a package subpath as the config wrote it, adding the extension of the specifier it replaces', () => {
    const print = { key: 'date-lib/print', isFile: false };
    expect(write('src/a.ts', 'date-lib/format.js', print)).toBe('date-lib/print.js');
    expect(write('src/a.ts', 'date-lib/format', print)).toBe('date-lib/print');
    expect(write('src/a.ts', './legacy.js', print)).toBe('date-lib/print');
    // An extension the config wrote stays: it may be the only spelling the package's exports allow.
    expect(write('src/a.ts', 'date-lib/format', { key: 'date-lib/print', isFile: false, specifier: 'date-lib/print.mjs' })).toBe('date-lib/print.mjs');
    // The package itself never takes an extension.
    expect(write('src/a.ts', 'date-lib/format.js', { key: 'date-lib', isFile: false })).toBe('date-lib');
    // No extension style adds or strips one: the package's exports decide which spellings exist.
    const styled = (extension: '.js' | 'none', target: ResolvedModule = print) => writeSpecifier({ fromFile: 'src/a.ts', target, original: 'date-lib/format', aliases, baseUrl: undefined, extension });
    expect(styled('.js')).toBe('date-lib/print');
    expect(styled('.js', { key: 'rxjs/operators', isFile: false })).toBe('rxjs/operators');
    expect(styled('none', { key: 'date-lib/print', isFile: false, specifier: 'date-lib/print.mjs' })).toBe('date-lib/print.mjs');
    // A package of a group is written as the config or the file wrote it, not as the group's key.
    expect(styled('none', { key: 'lodash', isFile: false, specifier: 'lodash-es' })).toBe('lodash-es');
  });

  it('writes baseUrl-relative specifiers for a file that used them', () => {
    expect(writeSpecifier({ fromFile: 'src/a.ts', target: canonical, original: 'src/core/websocket_manager', aliases: [], baseUrl: '' })).toBe('src/core/unified_manager');
  });
});

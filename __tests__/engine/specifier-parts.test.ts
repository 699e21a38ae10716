// A bundler's loader prefix and a query or hash suffix stand around a module path: resolution
// reads the path alone, and a rewritten specifier keeps them as written.
import { splitSpecifier } from '../../src/shared/specifier-parts';

describe('splitSpecifier', () => {
  it.each([
    ['./format', { prefix: '', path: './format', suffix: '' }],
    ['./format.ts?raw', { prefix: '', path: './format.ts', suffix: '?raw' }],
    ['./icon.svg?url#top', { prefix: '', path: './icon.svg', suffix: '?url#top' }],
    ['!!raw-loader!./format', { prefix: '!!raw-loader!', path: './format', suffix: '' }],
    ['style-loader!css-loader!./theme.css', { prefix: 'style-loader!css-loader!', path: './theme.css', suffix: '' }],
    ['-!svg-loader?inline!./logo.svg?size=2', { prefix: '-!svg-loader?inline!', path: './logo.svg', suffix: '?size=2' }],
    // A package `imports` specifier starts with `#`: that is its path, not a suffix.
    ['#internal/format', { prefix: '', path: '#internal/format', suffix: '' }],
    ['@scope/pkg/sub', { prefix: '', path: '@scope/pkg/sub', suffix: '' }],
  ])('%s', (specifier, parts) => {
    expect(splitSpecifier(specifier)).toEqual(parts);
  });
});

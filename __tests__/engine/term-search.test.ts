import { containsAnyTerm, escapeRegExp } from '../../src/shared/term-search';

describe('containsAnyTerm', () => {
  it('finds any one of the terms, wherever it is', () => {
    const terms = ['@scope/old', "src'", 'legacy/index'];
    expect(containsAnyTerm("import { a } from '@scope/old';", terms)).toBe(true);
    expect(containsAnyTerm("import x from '../src';", terms)).toBe(true);
    expect(containsAnyTerm('const path = "lib/legacy/index.ts";', terms)).toBe(true);
    expect(containsAnyTerm("import { a } from '@scope/new';", terms)).toBe(false);
  });

  it('reads regular-expression characters in a term literally', () => {
    const terms = [".'", '$store', 'a+b', '(x)'];
    expect(containsAnyTerm("import y from '.';", terms)).toBe(true);
    expect(containsAnyTerm('use($store)', terms)).toBe(true);
    expect(containsAnyTerm('const c = a+b;', terms)).toBe(true);
    expect(containsAnyTerm("import y from 'ab';", terms)).toBe(false);
    expect(containsAnyTerm('const c = aab; store', terms)).toBe(false);
  });

  it('answers false for no terms and tests a single term as text', () => {
    expect(containsAnyTerm('anything', [])).toBe(false);
    expect(containsAnyTerm('a.b', ['.'])).toBe(true);
    expect(containsAnyTerm('ab', ['.'])).toBe(false);
  });

  it('keeps each list apart when lists are used in turn', () => {
    const first = ['alpha'];
    const second = ['beta', 'gamma'];
    const third = ['delta', 'epsilon'];
    expect(containsAnyTerm('gamma', second)).toBe(true);
    expect(containsAnyTerm('gamma', third)).toBe(false);
    expect(containsAnyTerm('epsilon', third)).toBe(true);
    expect(containsAnyTerm('epsilon', first)).toBe(false);
  });
  it('answers alike for a list built anew on every call', () => {
    for (const text of ['x beta y', 'x delta y', 'nothing']) expect(containsAnyTerm(text, ['beta', 'gamma'])).toBe(text.includes('beta'));
  });
});

describe('escapeRegExp', () => {
  it('makes a pattern that matches the text and nothing else', () => {
    const text = 'a.b*c?(d)[e]{f}|g^h$i\\j/k+';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });
});

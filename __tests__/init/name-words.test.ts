// Class-name families: what clusters `*Manager` classes together for `init`'s candidates.
import { familyOf, wordsOf } from '../../src/init/name-words';

describe('name words', () => {
  it.each([
    ['UnifiedWebSocketManager', ['Unified', 'Web', 'Socket', 'Manager']],
    ['WebSocketManagerFactoryV2', ['Web', 'Socket', 'Manager', 'Factory']],
    ['HTTPClient2', ['HTTP', 'Client']],
    ['getWebSocketManager', ['get', 'Web', 'Socket', 'Manager']],
  ])('%s → %j', (name, words) => {
    expect(wordsOf(name)).toEqual(words);
  });

  it('a family is the last word of a PascalCase name, versions dropped', () => {
    expect(familyOf('LegacyWebSocketManager')).toBe('Manager');
    expect(familyOf('WebSocketManagerFactoryV2')).toBe('Factory');
    expect(familyOf('Manager')).toBe('Manager');
    expect(familyOf('getManager')).toBeUndefined();
  });
});

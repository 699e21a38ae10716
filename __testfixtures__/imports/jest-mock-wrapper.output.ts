// A factory that wraps whatever the module exports names none of them: it moves as a unit.
afterEach(() => {
  jest.dontMock('./lib/unified_manager');
});

it('observes construction', () => {
  jest.doMock('./lib/unified_manager', () => {
    const actual = jest.requireActual('./lib/unified_manager');
    return Object.fromEntries(Object.entries(actual).map(([name, value]) => [name, jest.fn(value as never)]));
  });
});

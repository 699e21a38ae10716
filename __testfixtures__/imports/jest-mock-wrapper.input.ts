// A factory that wraps whatever the module exports names none of them: it moves as a unit.
afterEach(() => {
  jest.dontMock('./lib/manager_alias');
});

it('observes construction', () => {
  jest.doMock('./lib/manager_alias', () => {
    const actual = jest.requireActual('./lib/manager_alias');
    return Object.fromEntries(Object.entries(actual).map(([name, value]) => [name, jest.fn(value as never)]));
  });
});

// An automock of a facade would become an automock of the canonical module: a human decides.
jest.mock('../src/core/manager_alias');

it('loads', () => {
  expect(jest.isMockFunction(require('../src/core/manager_alias').createWebSocketManager)).toBe(true);
});

import { getWebSocketManager } from '../src/core/compat';

jest.mock('../src/core/compat', () => ({
  getWebSocketManager: jest.fn(),
}));

it('is mocked', () => {
  expect(jest.isMockFunction(getWebSocketManager)).toBe(true);
});

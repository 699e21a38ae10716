import { getWebSocketManager } from '../src/core/registry';

jest.mock('../src/core/registry', () => ({
  ...jest.requireActual('../src/core/registry'),
  getWebSocketManager: jest.fn(),
}));

it('is mocked', () => {
  expect(jest.isMockFunction(getWebSocketManager)).toBe(true);
});

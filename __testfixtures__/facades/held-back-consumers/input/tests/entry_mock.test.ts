import { WebSocketManager } from '../src/public_api';

// A mock of the entry point that keeps the actual module follows the names it passes on.
jest.mock('../src/public_api', () => ({
  ...jest.requireActual('../src/public_api'),
}));

it('is the manager', () => {
  expect(WebSocketManager).toBeDefined();
});

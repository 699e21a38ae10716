import { UnifiedWebSocketManager as WebSocketManager } from '../src/core/unified_manager';

// A mock of the entry point that keeps the actual module follows the names it passes on.
jest.mock('../src/core/unified_manager', () => ({
  ...jest.requireActual('../src/core/unified_manager'),
}));

it('is the manager', () => {
  expect(WebSocketManager).toBeDefined();
});

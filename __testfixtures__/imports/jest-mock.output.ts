jest.mock('./lib/unified_manager', () => ({
  ...jest.requireActual('./lib/unified_manager'),
  UnifiedWebSocketManager: jest.fn(),
}));

import { createWebSocketManager as createManagerForUser } from './lib/unified_manager';

it('builds a manager', () => {
  const { UnifiedWebSocketManager: WebSocketManager } = jest.requireActual('./lib/unified_manager');
  expect(createManagerForUser('user-1')).toBeInstanceOf(WebSocketManager);
});

jest.mock('./lib/websocket_manager', () => ({
  ...jest.requireActual('./lib/websocket_manager'),
  WebSocketManager: jest.fn(),
}));

import { createManagerForUser } from './lib/manager_functions';

it('builds a manager', () => {
  const { WebSocketManager } = jest.requireActual('./lib/websocket_manager');
  expect(createManagerForUser('user-1')).toBeInstanceOf(WebSocketManager);
});

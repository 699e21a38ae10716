// A consumer of two facades.
import { getWebSocketManager, WebSocketManager } from './lib/websocket_manager';
import { notifyUser } from './lib/manager_functions';

export function welcome(userId: string): WebSocketManager {
  const manager = getWebSocketManager({ userId });
  notifyUser(manager, userId, 'welcome');
  return manager;
}

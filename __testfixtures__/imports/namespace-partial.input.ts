import * as legacy from './lib/websocket_manager';

export function managerFor(userId: string): legacy.WebSocketManager {
  const manager: legacy.WebSocketManager = legacy.getWebSocketManager(userId);
  return manager ?? new legacy.WebSocketManager();
}

import * as legacy from './lib/websocket_manager';

// A local binding already uses the canonical name: the new import must not shadow it.
const UnifiedWebSocketManager = 'unified';

export function managerFor(userId: string) {
  return [UnifiedWebSocketManager, legacy.getWebSocketManager(userId), new legacy.WebSocketManager()];
}

import { UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager';

export function connect(): WebSocketManager {
  return new WebSocketManager();
}

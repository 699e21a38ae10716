import { UnifiedWebSocketManager } from './lib/unified_manager';
import * as legacy from './lib/websocket_manager';

export function managerFor(userId: string): UnifiedWebSocketManager {
  const manager: UnifiedWebSocketManager = legacy.getWebSocketManager(userId);
  return manager ?? new UnifiedWebSocketManager();
}

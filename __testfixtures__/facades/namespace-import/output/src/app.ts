import * as ws from './core/unified_manager';

export function start(userId: string): ws.UnifiedWebSocketManager {
  const manager = ws.createWebSocketManager({ userId });
  return manager instanceof ws.UnifiedWebSocketManager ? manager : new ws.UnifiedWebSocketManager({ userId });
}

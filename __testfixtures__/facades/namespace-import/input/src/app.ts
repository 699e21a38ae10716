import * as ws from './core/ws_manager_exports';

export function start(userId: string): ws.WebSocketManager {
  const manager = ws.makeManager({ userId });
  return manager instanceof ws.WebSocketManager ? manager : new ws.WebSocketManager({ userId });
}

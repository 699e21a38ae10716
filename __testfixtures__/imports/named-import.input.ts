import { WebSocketManager } from './lib/websocket_manager';

export function connect(): WebSocketManager {
  return new WebSocketManager();
}

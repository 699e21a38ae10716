import type { WebSocketManagerInterface, WebSocketMessage } from './lib/websocket_manager';

export function send(manager: WebSocketManagerInterface, message: WebSocketMessage): Promise<void> {
  return manager.sendMessage('user-1', message);
}

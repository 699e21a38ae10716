import type { WebSocketManagerProtocol as WebSocketManagerInterface, WebSocketMessage } from './lib/unified_manager';

export function send(manager: WebSocketManagerInterface, message: WebSocketMessage): Promise<void> {
  return manager.sendMessage('user-1', message);
}

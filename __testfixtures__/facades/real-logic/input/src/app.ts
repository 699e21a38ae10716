import { WebSocketManager } from './core/manager';

export function start(userId: string): WebSocketManager {
  return new WebSocketManager({ userId });
}

// System notifications (maintenance, quota warnings). Uses the standalone manager
// from manager.ts, which has no agent events and never needed them.
import type { WebSocketMessage } from '../websocket_core/unified_manager';
import { WebSocketManager } from '../websocket_core/manager';

export type NotificationLevel = 'info' | 'warning' | 'critical';

export class NotificationService {
  constructor(private readonly sockets: WebSocketManager = new WebSocketManager()) {}

  get manager(): WebSocketManager {
    return this.sockets;
  }

  async notifyUser(userId: string, level: NotificationLevel, text: string): Promise<number> {
    const message: WebSocketMessage = { type: 'notification', payload: { level, text } };
    return this.sockets.sendMessage(userId, message);
  }

  announce(text: string): number {
    return this.sockets.broadcast({ type: 'notification', payload: { level: 'info', text } });
  }
}

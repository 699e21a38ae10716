import type { AgentEventType, WebSocketMessage } from '../websocket_core/unified_manager';
import { LegacyWebSocketManager } from '../websocket_core/legacy_websocket_manager';

/** Sends the same frame to a list of users; used for org-wide agent announcements. */
export class BroadcastService {
  constructor(private readonly manager: LegacyWebSocketManager = new LegacyWebSocketManager()) {}

  async toUsers(userIds: string[], message: WebSocketMessage): Promise<string[]> {
    const reached: string[] = [];
    for (const userId of new Set(userIds)) {
      if (!this.manager.isUserConnected(userId)) continue;
      await this.manager.sendMessage(userId, message);
      reached.push(userId);
    }
    return reached;
  }

  async agentEventToUsers(userIds: string[], type: AgentEventType, data: Record<string, unknown>): Promise<void> {
    for (const userId of new Set(userIds)) await this.manager.emitAgentEvent(userId, type, data);
  }
}

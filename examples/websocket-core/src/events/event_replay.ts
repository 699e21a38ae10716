import type { WebSocketMessage } from '../websocket_core/unified_manager';
import type { WebSocketManagerInterface } from '../websocket_core/websocket_manager';

/** Keeps the last N frames per user so a reconnecting client can catch up. */
export class EventReplayBuffer {
  private readonly frames = new Map<string, WebSocketMessage[]>();

  constructor(private readonly capacity = 50) {}

  remember(userId: string, message: WebSocketMessage): void {
    const list = this.frames.get(userId) ?? [];
    list.push({ ...message, timestamp: message.timestamp ?? Date.now() });
    if (list.length > this.capacity) list.splice(0, list.length - this.capacity);
    this.frames.set(userId, list);
  }

  since(userId: string, timestamp: number): WebSocketMessage[] {
    return (this.frames.get(userId) ?? []).filter((m) => (m.timestamp ?? 0) > timestamp);
  }

  async replay(manager: WebSocketManagerInterface, userId: string, since = 0): Promise<number> {
    const missed = this.since(userId, since);
    for (const message of missed) await manager.sendMessage(userId, { ...message, type: `replay.${message.type}` });
    return missed.length;
  }
}

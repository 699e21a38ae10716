import { LegacyWebSocketManager } from '../../../websocket_core/legacy_websocket_manager';

/** Which threads each user's UI has open, so thread-scoped frames can be filtered. */
export class ThreadSubscriptions {
  private readonly open = new Map<string, Set<string>>();

  constructor(private readonly manager: LegacyWebSocketManager) {}

  subscribe(userId: string, threadId: string): void {
    const set = this.open.get(userId) ?? new Set<string>();
    set.add(threadId);
    this.open.set(userId, set);
  }

  unsubscribe(userId: string, threadId: string): void {
    this.open.get(userId)?.delete(threadId);
  }

  async publish(userId: string, threadId: string, type: string, payload: Record<string, unknown>): Promise<boolean> {
    if (!this.open.get(userId)?.has(threadId)) return false;
    await this.manager.sendMessage(userId, { type, threadId, payload });
    return true;
  }
}

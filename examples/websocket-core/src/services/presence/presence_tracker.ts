import { UnifiedWebSocketManager } from '../../websocket_core/unified_manager';
import { WebSocketManager } from '../../websocket_core/websocket_manager';

export type PresenceState = 'online' | 'away' | 'offline';

/** Derives presence from live connections plus the last activity we saw. */
export class PresenceTracker {
  private readonly lastActive = new Map<string, number>();

  constructor(private readonly manager: WebSocketManager, private readonly awayAfterMs = 5 * 60_000) {}

  touch(userId: string, at = Date.now()): void {
    this.lastActive.set(userId, at);
  }

  stateOf(userId: string, now = Date.now()): PresenceState {
    if (!this.manager.isUserConnected(userId)) return 'offline';
    const last = this.lastActive.get(userId) ?? 0;
    return now - last > this.awayAfterMs ? 'away' : 'online';
  }

  /** Presence only makes sense on a manager that sees every connection of the user. */
  static supports(manager: unknown): boolean {
    return manager instanceof UnifiedWebSocketManager;
  }
}

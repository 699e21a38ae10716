/**
 * Per-connection bookkeeping with heartbeats. Predates per-user managers: it knows
 * connections by id only and sends to one connection at a time.
 */
import { systemClock, type Clock } from '../utils/clock';
import { isOpen, safeClose, type WebSocketLike } from './socket';
import type { WebSocketMessage } from './unified_manager';
import { HEARTBEAT_TIMEOUT_MS } from './unified_manager_config';

export interface TrackedConnection {
  connectionId: string;
  userId: string;
  socket: WebSocketLike;
  lastHeartbeatAt: number;
}

export class ConnectionManager {
  private readonly connections = new Map<string, TrackedConnection>();

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly timeoutMs: number = HEARTBEAT_TIMEOUT_MS,
  ) {}

  register(connectionId: string, userId: string, socket: WebSocketLike): TrackedConnection {
    const tracked = { connectionId, userId, socket, lastHeartbeatAt: this.clock.now() };
    this.connections.set(connectionId, tracked);
    return tracked;
  }

  unregister(connectionId: string): boolean {
    return this.connections.delete(connectionId);
  }

  heartbeat(connectionId: string): boolean {
    const tracked = this.connections.get(connectionId);
    if (!tracked) return false;
    tracked.lastHeartbeatAt = this.clock.now();
    return true;
  }

  /** Closes and forgets connections that missed their heartbeat window. */
  sweepStale(): string[] {
    const cutoff = this.clock.now() - this.timeoutMs;
    const stale: string[] = [];
    for (const [id, tracked] of this.connections) {
      if (tracked.lastHeartbeatAt < cutoff) {
        safeClose(tracked.socket);
        this.connections.delete(id);
        stale.push(id);
      }
    }
    return stale;
  }

  sendMessage(connectionId: string, message: WebSocketMessage): boolean {
    const tracked = this.connections.get(connectionId);
    if (!tracked || !isOpen(tracked.socket)) return false;
    tracked.socket.send(JSON.stringify(message));
    return true;
  }

  has(connectionId: string): boolean {
    return this.connections.has(connectionId);
  }

  get size(): number {
    return this.connections.size;
  }
}

/**
 * The original standalone connection manager, written before unified_manager.ts.
 * Still used by the notification fan-out, which never needed agent events.
 * Note: this `WebSocketManager` is its own class, not the alias exported by the facade.
 */
import type { WebSocketLike } from './socket';
import { isOpen, safeClose } from './socket';
import type { WebSocketMessage } from './unified_manager';

interface TrackedSocket {
  userId: string;
  socket: WebSocketLike;
  metadata: Record<string, unknown>;
  openedAt: number;
}

export class WebSocketManager {
  private readonly sockets = new Map<string, TrackedSocket>();

  addConnection(connectionId: string, userId: string, socket: WebSocketLike, metadata: Record<string, unknown> = {}): void {
    if (this.sockets.has(connectionId)) {
      throw new Error(`connection ${connectionId} is already registered`);
    }
    this.sockets.set(connectionId, { userId, socket, metadata, openedAt: Date.now() });
  }

  removeConnection(connectionId: string): void {
    const tracked = this.sockets.get(connectionId);
    if (!tracked) return;
    safeClose(tracked.socket);
    this.sockets.delete(connectionId);
  }

  /** Returns how many sockets the message was written to. */
  async sendMessage(userId: string, message: WebSocketMessage): Promise<number> {
    let delivered = 0;
    const frame = JSON.stringify(message);
    for (const tracked of this.sockets.values()) {
      if (tracked.userId !== userId || !isOpen(tracked.socket)) continue;
      tracked.socket.send(frame);
      delivered += 1;
    }
    return delivered;
  }

  broadcast(message: WebSocketMessage): number {
    const frame = JSON.stringify(message);
    let delivered = 0;
    for (const tracked of this.sockets.values()) {
      if (!isOpen(tracked.socket)) continue;
      tracked.socket.send(frame);
      delivered += 1;
    }
    return delivered;
  }

  connectionIdsFor(userId: string): string[] {
    return [...this.sockets.entries()].filter(([, t]) => t.userId === userId).map(([id]) => id);
  }

  metadataOf(connectionId: string): Record<string, unknown> | undefined {
    return this.sockets.get(connectionId)?.metadata;
  }

  get size(): number {
    return this.sockets.size;
  }
}

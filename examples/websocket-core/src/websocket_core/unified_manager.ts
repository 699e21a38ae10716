/**
 * The WebSocket connection manager. Everything else in websocket_core that
 * calls itself a manager either wraps this class or predates it.
 *
 * One manager serves one user execution context: create it with
 * `createWebSocketManager(userContext)` and never share it across users.
 */
import type { UserExecutionContext } from '../context/user_execution_context';
import { newId } from '../utils/ids';
import { createLogger } from '../utils/logger';
import { isOpen, isWebSocketLike, safeClose, type WebSocketLike } from './socket';
import { MAX_CONNECTIONS_PER_USER } from './unified_manager_config';
import { recordConnection, recordDisconnect, recordDrop, recordSend } from './websocket_manager_metrics';

const log = createLogger('ws.unified');

export const AGENT_EVENT_TYPES = [
  'agent_started',
  'agent_thinking',
  'tool_executing',
  'tool_completed',
  'agent_completed',
] as const;

export type AgentEventType = (typeof AGENT_EVENT_TYPES)[number];

export type WebSocketConnection = {
  connectionId: string;
  userId: string;
  threadId?: string;
  socket: WebSocketLike;
  metadata?: Record<string, unknown>;
};

export type WebSocketMessage = {
  type: string;
  payload: Record<string, unknown>;
  threadId?: string;
  timestamp?: number;
};

export interface WebSocketManagerProtocol {
  addConnection(connection: WebSocketConnection): void;
  removeConnection(connectionId: string): boolean;
  sendMessage(userId: string, message: WebSocketMessage): Promise<void>;
  emitAgentEvent(userId: string, eventType: AgentEventType, data: Record<string, unknown>): Promise<void>;
  getConnections(userId: string): WebSocketConnection[];
  isUserConnected(userId: string): boolean;
  readonly connectionCount: number;
}

export function isAgentEventType(value: string): value is AgentEventType {
  return (AGENT_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Older call sites pass `(socket, userContext)` instead of a connection object.
 * Accept that shape until the signatures phase has rewritten them.
 */
function normaliseConnection(candidate: unknown, legacyContext: unknown): WebSocketConnection {
  if (isWebSocketLike(candidate)) {
    const ctx = legacyContext as Partial<UserExecutionContext> | undefined;
    if (!ctx?.userId) throw new Error('addConnection(socket, context) needs a context with a userId');
    return { connectionId: newId('conn'), userId: ctx.userId, threadId: ctx.threadId, socket: candidate };
  }
  const connection = candidate as WebSocketConnection;
  if (!connection?.connectionId || !connection.userId || !connection.socket) {
    throw new Error('addConnection expects { connectionId, userId, socket }');
  }
  return connection;
}

export class UnifiedWebSocketManager implements WebSocketManagerProtocol {
  private readonly connections = new Map<string, WebSocketConnection>();
  private readonly connectionIdsByUser = new Map<string, Set<string>>();

  constructor(readonly userContext?: UserExecutionContext) {}

  addConnection(connection: WebSocketConnection): void {
    const conn = normaliseConnection(connection, arguments[1]);
    if (this.userContext && conn.userId !== this.userContext.userId) {
      throw new Error(`manager for ${this.userContext.userId} refused a connection for ${conn.userId}`);
    }
    const ids = this.connectionIdsByUser.get(conn.userId) ?? new Set<string>();
    if (!ids.has(conn.connectionId) && ids.size >= MAX_CONNECTIONS_PER_USER) {
      throw new Error(`user ${conn.userId} already has ${ids.size} connections`);
    }
    ids.add(conn.connectionId);
    this.connectionIdsByUser.set(conn.userId, ids);
    this.connections.set(conn.connectionId, conn);
    recordConnection();
    log.debug('connection added', { connectionId: conn.connectionId, userId: conn.userId });
  }

  removeConnection(connectionId: string): boolean {
    const conn = this.connections.get(connectionId);
    if (!conn) return false;
    this.connections.delete(connectionId);
    const ids = this.connectionIdsByUser.get(conn.userId);
    ids?.delete(connectionId);
    if (ids && ids.size === 0) this.connectionIdsByUser.delete(conn.userId);
    safeClose(conn.socket);
    recordDisconnect();
    return true;
  }

  async sendMessage(userId: string, message: WebSocketMessage): Promise<void> {
    const frame = JSON.stringify({ ...message, timestamp: message.timestamp ?? Date.now() });
    for (const conn of this.getConnections(userId)) {
      if (!isOpen(conn.socket)) {
        recordDrop('socket_not_open');
        continue;
      }
      try {
        conn.socket.send(frame);
        recordSend();
      } catch (err) {
        recordDrop('send_failed');
        log.warn('send failed, dropping connection', { connectionId: conn.connectionId, error: String(err) });
        this.removeConnection(conn.connectionId);
      }
    }
  }

  async emitAgentEvent(userId: string, eventType: AgentEventType, data: Record<string, unknown>): Promise<void> {
    if (!isAgentEventType(eventType)) {
      throw new Error(`unknown agent event type: ${String(eventType)}`);
    }
    await this.sendMessage(userId, { type: eventType, payload: { ...data } });
  }

  getConnections(userId: string): WebSocketConnection[] {
    const ids = this.connectionIdsByUser.get(userId);
    if (!ids) return [];
    return [...ids].map((id) => this.connections.get(id)).filter((c): c is WebSocketConnection => c !== undefined);
  }

  getConnection(connectionId: string): WebSocketConnection | undefined {
    return this.connections.get(connectionId);
  }

  isUserConnected(userId: string): boolean {
    return this.getConnections(userId).length > 0;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Closes every socket; used on shutdown. */
  closeAll(): void {
    for (const id of [...this.connections.keys()]) this.removeConnection(id);
  }
}

/** Canonical per-user factory: a new manager bound to `userContext` on every call. */
export function createWebSocketManager(userContext: UserExecutionContext): UnifiedWebSocketManager {
  return new UnifiedWebSocketManager(userContext);
}

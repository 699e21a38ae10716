import { TokenLifecycleManager } from '../auth/token_lifecycle_manager';
import { createUserExecutionContext, type UserExecutionContext } from '../context/user_execution_context';
import type { WebSocketLike } from '../websocket_core/socket';
import { getWebSocketManager } from '@core/websocket_core/websocket_manager';

export interface HandshakeRequest {
  token: string;
  threadId?: string;
}

/** First frame on every socket: authenticate, build the context, or close. */
export class AuthHandshakeHandler {
  constructor(private readonly tokens: TokenLifecycleManager) {}

  accept(socket: WebSocketLike, request: HandshakeRequest): UserExecutionContext | null {
    const userId = this.tokens.validate(request.token);
    if (!userId) {
      socket.send(JSON.stringify({ type: 'auth_failed', payload: {} }));
      socket.close();
      return null;
    }
    return createUserExecutionContext({ userId, threadId: request.threadId });
  }

  /** Seconds-old sockets of a user whose token was revoked get closed. */
  revokeAll(token: string, userId: string): number {
    this.tokens.revoke(token);
    const manager = getWebSocketManager(userId);
    const ids = manager.getConnections(userId).map((c) => c.connectionId);
    ids.forEach((id) => manager.removeConnection(id));
    return ids.length;
  }
}

import type { UserExecutionContext } from '../context/user_execution_context';
import type { WebSocketLike } from '../websocket_core/socket';
import { createWebSocketManager } from '../websocket_core/unified_manager';
import type { AnyWebSocketManager } from '../websocket_core/websocket_manager';

export interface ReconnectResult {
  resumed: boolean;
  connections: number;
}

/**
 * A client that lost its socket comes back with the same context. If the caller
 * still holds the old manager we reuse it so the replay buffer survives.
 */
export async function reconnect(socket: WebSocketLike, ctx: UserExecutionContext, previous?: AnyWebSocketManager): Promise<ReconnectResult> {
  const manager: AnyWebSocketManager = previous ?? createWebSocketManager(ctx);
  manager.addConnection(socket, ctx);
  await manager.sendMessage(ctx.userId, { type: 'reconnected', threadId: ctx.threadId, payload: {} });
  return { resumed: previous !== undefined, connections: manager.getConnections(ctx.userId).length };
}

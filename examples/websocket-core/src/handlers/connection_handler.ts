import type { UserExecutionContext } from '../context/user_execution_context';
import { createLogger } from '../utils/logger';
import type { WebSocketLike } from '../websocket_core/socket';
import type { WebSocketConnection } from '../websocket_core/unified_manager';
import { type AnyWebSocketManager, getWebSocketManager } from '../websocket_core/websocket_manager';

const log = createLogger('handlers.connect');

export interface ConnectResult {
  userId: string;
  threadId: string;
  openConnections: number;
}

/** Registers a freshly authenticated socket and greets it. */
export async function handleConnect(socket: WebSocketLike, ctx: UserExecutionContext): Promise<ConnectResult> {
  const manager: AnyWebSocketManager = getWebSocketManager(ctx.userId, ctx.threadId);
  manager.addConnection(socket, ctx);
  const connections: WebSocketConnection[] = manager.getConnections(ctx.userId);
  await manager.sendMessage(ctx.userId, {
    type: 'connected',
    threadId: ctx.threadId,
    payload: { connections: connections.length },
  });
  log.info('socket connected', { userId: ctx.userId, connections: connections.length });
  return { userId: ctx.userId, threadId: ctx.threadId, openConnections: connections.length };
}

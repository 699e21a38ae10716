import type { UserExecutionContext } from '@core/context/user_execution_context';
import type { WebSocketLike } from '@core/websocket_core/socket';
import type { UnifiedWebSocketManager } from '@core/websocket_core/unified_manager';
import { getWebSocketManager } from '@core/websocket_core/websocket_manager';
import { newId } from '@core/utils/ids';

/** Attaches sockets to threads and pushes thread-scoped notifications. */
export class ThreadService {
  attach(ctx: UserExecutionContext, socket: WebSocketLike): { manager: UnifiedWebSocketManager; connectionId: string } {
    const manager = getWebSocketManager(ctx.userId, ctx.threadId);
    const connectionId = newId('conn');
    manager.addConnection({ connectionId, userId: ctx.userId, threadId: ctx.threadId, socket });
    return { manager, connectionId };
  }

  async rename(ctx: UserExecutionContext, title: string): Promise<void> {
    await getWebSocketManager(ctx.userId, ctx.threadId).sendMessage(ctx.userId, {
      type: 'thread_renamed',
      threadId: ctx.threadId,
      payload: { title },
    });
  }

  threadsWithSockets(ctx: UserExecutionContext): string[] {
    const manager = getWebSocketManager(ctx.userId, ctx.threadId);
    const threads = manager.getConnections(ctx.userId).map((c) => c.threadId).filter((t): t is string => Boolean(t));
    return [...new Set(threads)].sort();
  }
}

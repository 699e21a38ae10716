import { createUserExecutionContext } from '@core/context/user_execution_context';
import { createWebSocketManager } from '@core/websocket_core/unified_manager';
import { WebSocketManagerFactory } from '@core/websocket_core/websocket_manager';
import type { Route, RouteRequest, RouteResponse } from './router';

/** GET /ws/:userId/info — what a new socket for this user would be attached to. */
export const websocketInfoRoute: Route = {
  method: 'GET',
  pattern: '/ws/:userId/info',
  async handle(req: RouteRequest): Promise<RouteResponse> {
    const ctx = req.ctx ?? createUserExecutionContext({ userId: req.params.userId });
    if (ctx.userId !== req.params.userId) return { status: 403, body: { error: 'forbidden' } };
    // Both paths give a fresh per-user manager; the factory class is what older clients call.
    const manager = req.body?.legacyFactory ? WebSocketManagerFactory.create(ctx) : createWebSocketManager(ctx);
    return {
      status: 200,
      body: { userId: ctx.userId, threadId: ctx.threadId, connections: manager.getConnections(ctx.userId).length },
    };
  },
};

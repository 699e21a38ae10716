import type { RouteRequest, RouteResponse } from '../routes/router';
import { UnifiedWebSocketManager } from '../websocket_core/unified_manager';
// Loaded for its side effect: the facade registers the ws_registry_managers gauge.
import '../websocket_core/websocket_manager';
import type { Next } from './auth_middleware';

/** Refuses agent runs for users with no live socket: nobody would see the events. */
export function connectionGuardMiddleware(managerFor: (userId: string) => UnifiedWebSocketManager) {
  return async (req: RouteRequest, next: Next): Promise<RouteResponse> => {
    if (req.method !== 'POST' || !req.ctx) return next(req);
    const manager = managerFor(req.ctx.userId);
    if (!(manager instanceof UnifiedWebSocketManager) || !manager.isUserConnected(req.ctx.userId)) {
      return { status: 409, body: { error: 'open a WebSocket before starting an agent' } };
    }
    return next(req);
  };
}

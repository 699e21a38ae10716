// Admin endpoints. Half-migrated: the canonical class is imported under the old name
// and the facade class under the new one. Both are the same class today.
import { UnifiedWebSocketManager as WebSocketManager } from '../websocket_core/unified_manager';
import { WebSocketManager as UnifiedWebSocketManager, getWebSocketManager } from '../websocket_core/websocket_manager';
import type { Route, RouteResponse } from './router';

export const disconnectUserRoute: Route = {
  method: 'DELETE',
  pattern: '/admin/users/:userId/connections',
  async handle(req): Promise<RouteResponse> {
    const manager: UnifiedWebSocketManager = getWebSocketManager(req.params.userId);
    const ids = manager.getConnections(req.params.userId).map((c) => c.connectionId);
    ids.forEach((id) => manager.removeConnection(id));
    return { status: 200, body: { closed: ids.length } };
  },
};

export const managerKindRoute: Route = {
  method: 'GET',
  pattern: '/admin/users/:userId/manager',
  async handle(req): Promise<RouteResponse> {
    const manager = getWebSocketManager(req.params.userId);
    return {
      status: 200,
      body: { canonical: manager instanceof WebSocketManager, kind: manager.constructor.name },
    };
  },
};

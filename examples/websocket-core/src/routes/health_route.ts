import { getWebSocketManager } from '../websocket_core/index';
import { snapshotMetrics } from '../websocket_core/websocket_manager_metrics';
import type { Route, RouteResponse } from './router';

export const healthRoute: Route = {
  method: 'GET',
  pattern: '/health',
  async handle(): Promise<RouteResponse> {
    return { status: 200, body: { status: 'ok', metrics: snapshotMetrics() } };
  },
};

/** GET /health/users/:userId — support tool: is this user's socket alive? */
export const userHealthRoute: Route = {
  method: 'GET',
  pattern: '/health/users/:userId',
  async handle(req): Promise<RouteResponse> {
    const manager = getWebSocketManager(req.params.userId);
    return { status: 200, body: { connected: manager.isUserConnected(req.params.userId) } };
  },
};

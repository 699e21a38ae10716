import type { RouteRequest, RouteResponse } from '../routes/router';
import { createLogger } from '../utils/logger';
import type { Next } from './auth_middleware';

const log = createLogger('http');

// Requests for the retired debug endpoint still arrive from old dashboards.
const RETIRED_PATHS = new Map([['/debug/websocket_core/websocket_manager', 'use /admin/users/:userId/manager']]);

export function loggingMiddleware() {
  return async (req: RouteRequest, next: Next): Promise<RouteResponse> => {
    const started = Date.now();
    const hint = RETIRED_PATHS.get(req.path);
    if (hint) return { status: 410, body: { error: 'gone', hint } };
    const res = await next(req);
    log.info('request', { method: req.method, path: req.path, status: res.status, ms: Date.now() - started });
    return res;
  };
}

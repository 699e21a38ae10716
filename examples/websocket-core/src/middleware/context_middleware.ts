import { withRun } from '../context/user_execution_context';
import type { RouteRequest, RouteResponse } from '../routes/router';
import { newId } from '../utils/ids';
import type { Next } from './auth_middleware';

/** Gives agent-run requests a run id up front so every event of the run carries it. */
export function contextMiddleware() {
  return async (req: RouteRequest, next: Next): Promise<RouteResponse> => {
    if (!req.ctx || !req.path.startsWith('/agents/')) return next(req);
    return next({ ...req, ctx: withRun(req.ctx, req.ctx.runId ?? newId('run')) });
  };
}

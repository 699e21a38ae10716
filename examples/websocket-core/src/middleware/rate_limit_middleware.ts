import type { RouteRequest, RouteResponse } from '../routes/router';
import { RateLimiter } from '../services/rate_limiter';
import type { Next } from './auth_middleware';

/** Limits requests per user (or per path for anonymous calls). */
export function rateLimitMiddleware(limiter = new RateLimiter(20, 5)) {
  return async (req: RouteRequest, next: Next): Promise<RouteResponse> => {
    const key = req.ctx?.userId ?? `anon:${req.path}`;
    if (!limiter.tryTake(key)) {
      return { status: 429, body: { error: 'rate limited', retryAfterSeconds: 1 } };
    }
    return next(req);
  };
}

import type { TokenLifecycleManager } from '../auth/token_lifecycle_manager';
import { createUserExecutionContext } from '../context/user_execution_context';
import type { RouteRequest, RouteResponse } from '../routes/router';

export type Next = (req: RouteRequest) => Promise<RouteResponse>;

/**
 * Resolves `Authorization: Bearer …` into a UserExecutionContext on the request.
 * (Token checks were once done inside the websocket_manager handshake; no longer.)
 */
export function authMiddleware(tokens: TokenLifecycleManager, headerOf: (req: RouteRequest) => string | undefined) {
  return async (req: RouteRequest, next: Next): Promise<RouteResponse> => {
    const header = headerOf(req) ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const userId = token ? tokens.validate(token) : null;
    if (!userId) return { status: 401, body: { error: 'invalid or missing token' } };
    return next({ ...req, ctx: createUserExecutionContext({ userId, threadId: req.params.threadId }) });
  };
}

import type { UserExecutionContext } from '../context/user_execution_context';

export interface RouteRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  params: Record<string, string>;
  body?: Record<string, unknown>;
  ctx?: UserExecutionContext;
}

export interface RouteResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface Route {
  method: RouteRequest['method'];
  pattern: string;
  handle(req: RouteRequest): Promise<RouteResponse>;
}

/** Tiny path matcher: `/threads/:threadId` style patterns, no regex features. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

export class Router {
  private readonly routes: Route[] = [];

  add(...routes: Route[]): this {
    this.routes.push(...routes);
    return this;
  }

  async dispatch(req: Omit<RouteRequest, 'params'>): Promise<RouteResponse> {
    for (const route of this.routes) {
      if (route.method !== req.method) continue;
      const params = matchPath(route.pattern, req.path);
      if (params) return route.handle({ ...req, params });
    }
    return { status: 404, body: { error: `no route for ${req.method} ${req.path}` } };
  }
}

// POST /agents/:name/runs — start an agent run for the caller.
// Events reach the user through the agent's bridge (migrated from websocket_manager's
// registry calls that used to live here).
import type { AgentRegistry } from '../agents/agent_registry';
import type { Route, RouteResponse } from './router';

export function agentRunRoute(registry: AgentRegistry): Route {
  return {
    method: 'POST',
    pattern: '/agents/:name/runs',
    async handle(req): Promise<RouteResponse> {
      if (!req.ctx) return { status: 401, body: { error: 'unauthenticated' } };
      if (!registry.has(req.params.name)) return { status: 404, body: { error: 'unknown agent' } };
      const agent = registry.create(req.params.name, req.ctx);
      const result = await agent.execute(req.ctx, String(req.body?.input ?? ''));
      return { status: 202, body: { runId: result.runId, agent: result.agentName } };
    },
  };
}

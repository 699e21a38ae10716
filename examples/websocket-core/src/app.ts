// Wires the service together. Production calls createApp() from server.ts.
import { AgentRegistry } from './agents/agent_registry';
import { DataAnalysisAgent } from './agents/data_analysis_agent';
import { ExecutionEngine } from './agents/execution_engine';
import { TriageAgent } from './agents/triage_agent';
import { TokenLifecycleManager } from './auth/token_lifecycle_manager';
import { loadConfig, type ServiceConfig } from './config';
import { agentRunRoute } from './routes/agent_route';
import { disconnectUserRoute, managerKindRoute } from './routes/admin_route';
import { healthRoute, userHealthRoute } from './routes/health_route';
import { Router } from './routes/router';
import { websocketInfoRoute } from './routes/websocket_route';
import { SqlQueryTool } from './tools/sql_query_tool';
import { ToolDispatcher } from './tools/tool_dispatcher';
import { ToolRegistry } from './tools/tool_registry';
import { getWebSocketManager } from './websocket_core';
import { createWebSocketManager } from './websocket_core/unified_manager';

export interface App {
  config: ServiceConfig;
  router: Router;
  agents: AgentRegistry;
  engine: ExecutionEngine;
  tokens: TokenLifecycleManager;
}

export function createApp(config: ServiceConfig = loadConfig(), secret = 'dev-secret'): App {
  const tools = new ToolRegistry().register(new SqlQueryTool(async () => []));
  const dispatcher = new ToolDispatcher(tools);
  const agents = new AgentRegistry({ isolatedManagers: process.env.WS_ISOLATED_MANAGERS === '1' });
  agents.register('triage', (bridge, ctx) =>
    new TriageAgent(bridge, process.env.WS_ISOLATED_MANAGERS === '1' ? createWebSocketManager(ctx) : getWebSocketManager(ctx.userId)),
  );
  agents.register('data_analysis', (bridge) => new DataAnalysisAgent(bridge, dispatcher));
  const router = new Router().add(
    healthRoute,
    userHealthRoute,
    websocketInfoRoute,
    disconnectUserRoute,
    managerKindRoute,
    agentRunRoute(agents),
  );
  return { config, router, agents, engine: new ExecutionEngine(agents), tokens: new TokenLifecycleManager(secret, config.tokenTtlSeconds) };
}

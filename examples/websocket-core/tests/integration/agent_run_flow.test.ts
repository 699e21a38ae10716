import { AgentRegistry } from '../../src/agents/agent_registry';
import { DataAnalysisAgent } from '../../src/agents/data_analysis_agent';
import { ExecutionEngine } from '../../src/agents/execution_engine';
import { SupervisorAgent } from '../../src/agents/supervisor_agent';
import { TriageAgent } from '../../src/agents/triage_agent';
import { SqlQueryTool } from '../../src/tools/sql_query_tool';
import { ToolDispatcher } from '../../src/tools/tool_dispatcher';
import { ToolRegistry } from '../../src/tools/tool_registry';
import { validateSequence } from '../../src/websocket_core/event_validator';
import { UnifiedWebSocketManager, createWebSocketManager, type AgentEventType } from '../../src/websocket_core/unified_manager';
import { agentEventsOn } from '../helpers/event_assertions';
import { FakeSocket } from '../helpers/fake_socket';
import { contextFor } from '../helpers/test_context';

function setup(userId: string) {
  const ctx = contextFor(userId, 'thread-run');
  const manager = createWebSocketManager(ctx);
  const socket = new FakeSocket(userId);
  manager.addConnection({ connectionId: `${userId}-c1`, userId, threadId: ctx.threadId, socket });
  const tools = new ToolRegistry().register(new SqlQueryTool(async () => [{ revenue: 1 }, { revenue: 2 }]));
  const dispatcher = new ToolDispatcher(tools, () => manager);
  const agents = new AgentRegistry({ managerFor: () => manager });
  agents.register('data_analysis', (bridge) => new DataAnalysisAgent(bridge, dispatcher));
  agents.register('triage', (bridge) => new TriageAgent(bridge, manager));
  agents.register('broken', (bridge) => new SupervisorAgent(bridge, [new ExplodingAgent(bridge, dispatcher)]));
  return { ctx, manager, socket, agents, engine: new ExecutionEngine(agents) };
}

class ExplodingAgent extends DataAnalysisAgent {
  protected async run(): Promise<string> {
    throw new Error('warehouse offline');
  }
}

describe('agent run, end to end', () => {
  test('a data analysis run streams all five event types to the user', async () => {
    const { ctx, socket, engine } = setup('analyst');
    const result = await engine.runAgent('data_analysis', ctx, 'monthly revenue by region');
    expect(result?.output).toBe('found 2 rows');
    const events = agentEventsOn(socket);
    expect(events).toEqual(['agent_started', 'agent_thinking', 'tool_executing', 'tool_completed', 'agent_thinking', 'agent_completed']);
    expect(validateSequence(events).ok).toBe(true);
  });

  test('every event carries the run id and the agent name', async () => {
    const { ctx, socket, engine } = setup('auditor');
    const result = await engine.runAgent('triage', ctx, 'what is a websocket');
    expect(result?.output).toBe('search');
    for (const frame of socket.frames()) {
      expect(frame.payload).toMatchObject({ runId: result?.runId, agentName: 'triage' });
    }
  });

  test('a failing run returns null instead of throwing', async () => {
    const { ctx, engine } = setup('unlucky');
    await expect(engine.runAgent('broken', ctx, 'anything')).resolves.toBeNull();
  });

  test('the legacy facade, loaded lazily, exposes the same class', async () => {
    const { WebSocketManager, AGENT_EVENT_TYPES } = await import('../../src/websocket_core/websocket_manager');
    expect(WebSocketManager).toBe(UnifiedWebSocketManager);
    const expected: AgentEventType[] = ['agent_started', 'agent_thinking', 'tool_executing', 'tool_completed', 'agent_completed'];
    expect(AGENT_EVENT_TYPES).toEqual(expected);
  });
});

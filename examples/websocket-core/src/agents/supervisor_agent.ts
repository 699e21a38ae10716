import type { UserExecutionContext } from '../context/user_execution_context';
import { AGENT_EVENT_TYPES } from '../websocket_core/unified_manager';
import * as legacy from '../websocket_core/websocket_manager';
import type { AgentEventSink } from './agent_websocket_bridge';
import { BaseAgent } from './base_agent';

/** Runs a plan of sub-agents in order and reports the plan to the client first. */
export class SupervisorAgent extends BaseAgent {
  readonly name = 'supervisor';

  constructor(events: AgentEventSink, private readonly subAgents: BaseAgent[]) {
    super(events);
  }

  protected async run(ctx: UserExecutionContext, input: string, runId: string): Promise<string> {
    const manager: legacy.WebSocketManager = legacy.getWebSocketManager(ctx.userId, ctx.threadId);
    await manager.sendMessage(ctx.userId, {
      type: 'supervisor_plan',
      threadId: ctx.threadId,
      payload: { runId, steps: this.subAgents.map((a) => a.name), events: [...AGENT_EVENT_TYPES] },
    });
    const outputs: string[] = [];
    for (const agent of this.subAgents) {
      await this.think(runId, `delegating to ${agent.name}`);
      const result = await agent.execute({ ...ctx, runId: `${runId}.${agent.name}` }, input);
      outputs.push(result.output);
    }
    return outputs.join('\n');
  }
}

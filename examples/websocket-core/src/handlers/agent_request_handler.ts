import type { UserExecutionContext } from '../context/user_execution_context';
import { AGENT_EVENT_TYPES, type AgentEventType } from '../websocket_core/unified_manager';
import { createManagerForUser } from '../websocket_core/manager_functions';

export interface AgentRequest {
  agent: string;
  input: string;
  /** Events the client wants; defaults to all five. */
  subscribe?: AgentEventType[];
}

export type AgentRunner = (agent: string, ctx: UserExecutionContext, input: string) => Promise<unknown>;

/** Validates a `start_agent` frame and kicks off the run with a manager of its own. */
export async function handleAgentRequest(ctx: UserExecutionContext, request: AgentRequest, runAgent: AgentRunner): Promise<AgentEventType[]> {
  const subscribed = request.subscribe?.length ? request.subscribe : [...AGENT_EVENT_TYPES];
  const unknown = subscribed.filter((t) => !AGENT_EVENT_TYPES.includes(t));
  if (unknown.length) throw new Error(`unknown event types: ${unknown.join(', ')}`);
  const manager = createManagerForUser(ctx);
  await manager.sendMessage(ctx.userId, {
    type: 'agent_accepted',
    threadId: ctx.threadId,
    payload: { agent: request.agent, subscribed },
  });
  await runAgent(request.agent, ctx, request.input);
  return subscribed;
}

import type { UserExecutionContext } from '../context/user_execution_context';
import { newId } from '../utils/ids';
import type { AgentEventType } from '../websocket_core/unified_manager';
import type { AgentEventSink } from './agent_websocket_bridge';

export interface AgentResult {
  agentName: string;
  runId: string;
  output: string;
}

/** Template for every agent: started → (thinking/tools)* → completed. */
export abstract class BaseAgent {
  abstract readonly name: string;

  constructor(protected readonly events: AgentEventSink) {}

  async execute(ctx: UserExecutionContext, input: string): Promise<AgentResult> {
    const runId = ctx.runId ?? newId('run');
    await this.emit('agent_started', { input }, runId);
    const output = await this.run(ctx, input, runId);
    await this.emit('agent_completed', { output }, runId);
    return { agentName: this.name, runId, output };
  }

  protected think(runId: string, thought: string): Promise<void> {
    return this.emit('agent_thinking', { thought }, runId);
  }

  protected emit(type: AgentEventType, data: Record<string, unknown>, runId: string): Promise<void> {
    return this.events.emitAgentEvent(type, data, runId, this.name);
  }

  protected abstract run(ctx: UserExecutionContext, input: string, runId: string): Promise<string>;
}

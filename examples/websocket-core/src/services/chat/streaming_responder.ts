import type { UserExecutionContext } from '../../context/user_execution_context';
import { type AgentEventType } from '../../websocket_core/unified_manager';
import Manager from '../../websocket_core/manager_alias';

/** Streams an assistant answer to the user as `agent_thinking` chunks followed by `agent_completed`. */
export class StreamingResponder {
  constructor(private readonly manager: Manager, private readonly chunkSize = 32) {}

  async stream(ctx: UserExecutionContext, runId: string, answer: string): Promise<number> {
    let chunks = 0;
    for (let i = 0; i < answer.length; i += this.chunkSize) {
      await this.send(ctx, 'agent_thinking', { runId, thought: answer.slice(i, i + this.chunkSize), partial: true });
      chunks += 1;
    }
    await this.send(ctx, 'agent_completed', { runId, agentName: 'responder', output: answer });
    return chunks;
  }

  private send(ctx: UserExecutionContext, type: AgentEventType, data: Record<string, unknown>): Promise<void> {
    return this.manager.emitAgentEvent(ctx.userId, type, data);
  }
}

export function createStreamingResponder(ctx: UserExecutionContext): StreamingResponder {
  return new StreamingResponder(new Manager(ctx));
}

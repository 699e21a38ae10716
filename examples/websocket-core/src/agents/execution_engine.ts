import type { UserExecutionContext } from '../context/user_execution_context';
import { createLogger } from '../utils/logger';
import type { AgentEventType } from '../websocket_core/unified_manager';
import type { AgentRegistry } from './agent_registry';
import { AgentRunTracker } from './agent_run_tracker';
import type { AgentResult } from './base_agent';

const log = createLogger('agents.engine');

export class ExecutionEngine {
  readonly tracker = new AgentRunTracker();

  constructor(private readonly registry: AgentRegistry) {}

  async runAgent(agentName: string, ctx: UserExecutionContext, input: string): Promise<AgentResult | null> {
    const agent = this.registry.create(agentName, ctx);
    try {
      return await agent.execute(ctx, input);
    } catch (err) {
      log.error('agent run failed', { agentName, userId: ctx.userId, error: String(err) });
      await this.reportFailure(ctx, agentName, err);
      return null;
    }
  }

  trackEvent(runId: string, type: AgentEventType): void {
    this.tracker.record(runId, type);
  }

  private async reportFailure(ctx: UserExecutionContext, agentName: string, err: unknown): Promise<void> {
    // Loaded lazily: websocket_manager pulls in the registry, which imports agents.
    const { getWebSocketManager } = await import('../websocket_core/websocket_manager');
    await getWebSocketManager(ctx.userId, ctx.threadId).sendMessage(ctx.userId, {
      type: 'agent_error',
      threadId: ctx.threadId,
      payload: { agentName, message: err instanceof Error ? err.message : String(err) },
    });
  }
}

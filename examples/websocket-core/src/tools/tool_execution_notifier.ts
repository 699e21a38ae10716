// Progress notifications for long-running tools (code execution, large exports).
import type { UserExecutionContext } from '../context/user_execution_context';
import type { AgentEventType } from '../websocket_core/unified_manager';
import { WebSocketConnectionManager } from '../websocket_core/manager_alias';

export class ToolExecutionNotifier {
  constructor(private readonly manager: WebSocketConnectionManager, private readonly ctx: UserExecutionContext) {}

  static forContext(ctx: UserExecutionContext): ToolExecutionNotifier {
    return new ToolExecutionNotifier(new WebSocketConnectionManager(ctx), ctx);
  }

  started(toolName: string, runId: string): Promise<void> {
    return this.notify('tool_executing', { toolName, runId });
  }

  progress(toolName: string, runId: string, percent: number): Promise<void> {
    return this.manager.sendMessage(this.ctx.userId, {
      type: 'tool_progress',
      threadId: this.ctx.threadId,
      payload: { toolName, runId, percent: Math.max(0, Math.min(100, Math.round(percent))) },
    });
  }

  finished(toolName: string, runId: string, ok: boolean): Promise<void> {
    return this.notify('tool_completed', { toolName, runId, ok });
  }

  private notify(type: AgentEventType, data: Record<string, unknown>): Promise<void> {
    return this.manager.emitAgentEvent(this.ctx.userId, type, data);
  }
}

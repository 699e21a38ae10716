import type { UserExecutionContext } from '../context/user_execution_context';
import { getWebSocketManager } from '../websocket_core/compat/websocket_manager_compat';
import type { WebSocketManagerProtocol } from '../websocket_core/unified_manager';
import type { ToolArgs, ToolRegistry, ToolResult } from './tool_registry';

export type ManagerLookup = (ctx: UserExecutionContext) => WebSocketManagerProtocol;

const sharedLookup: ManagerLookup = (ctx) => getWebSocketManager(ctx.userId, ctx.threadId);

/** Runs tools on behalf of agents and tells the user's sockets what is happening. */
export class ToolDispatcher {
  constructor(private readonly registry: ToolRegistry, private readonly managerFor: ManagerLookup = sharedLookup) {}

  async dispatch(ctx: UserExecutionContext, toolName: string, args: ToolArgs, runId: string, agentName: string): Promise<ToolResult> {
    const tool = this.registry.get(toolName);
    const manager = this.managerFor(ctx);
    const started = Date.now();
    await manager.emitAgentEvent(ctx.userId, 'tool_executing', { runId, agentName, toolName, args });
    let result: ToolResult;
    try {
      result = await tool.run(ctx, args);
    } catch (err) {
      result = { error: err instanceof Error ? err.message : String(err) };
    }
    await manager.emitAgentEvent(ctx.userId, 'tool_completed', {
      runId,
      agentName,
      toolName,
      durationMs: Date.now() - started,
      ok: !('error' in result),
    });
    return result;
  }
}

import { AGENT_EVENT_TYPES, type AgentEventType } from '../websocket_core/unified_manager';
import { CompatWebSocketManager } from '../websocket_core/compat/websocket_manager_compat';

export type AgentStatus = 'idle' | 'running' | 'using_tool' | 'done';

const STATUS_BY_EVENT: Record<AgentEventType, AgentStatus> = {
  agent_started: 'running',
  agent_thinking: 'running',
  tool_executing: 'using_tool',
  tool_completed: 'running',
  agent_completed: 'done',
};

/** Mirrors agent events into a status the sidebar can show without replaying them. */
export class AgentStatusService {
  private readonly statuses = new Map<string, AgentStatus>();

  constructor(private readonly manager: CompatWebSocketManager) {}

  async apply(userId: string, runId: string, type: AgentEventType): Promise<AgentStatus> {
    if (!AGENT_EVENT_TYPES.includes(type)) throw new Error(`not an agent event: ${type}`);
    const status = STATUS_BY_EVENT[type];
    this.statuses.set(runId, status);
    await this.manager.sendMessage(userId, { type: 'agent_status', payload: { runId, status } });
    return status;
  }

  statusOf(runId: string): AgentStatus {
    return this.statuses.get(runId) ?? 'idle';
  }
}

/**
 * Connects agents to the WebSocket layer. Agents speak in runs and agent names;
 * the manager speaks in users. The bridge translates one into the other.
 */
import type { UserExecutionContext } from '../context/user_execution_context';
import type { AgentEventType, WebSocketManagerProtocol } from '../websocket_core/unified_manager';
import { getWebSocketManager } from '../websocket_core/websocket_manager';

export interface AgentEventSink {
  emitAgentEvent(eventType: AgentEventType, data: Record<string, unknown>, runId: string, agentName: string): Promise<void>;
}

export class AgentWebSocketBridge implements AgentEventSink {
  private readonly manager: WebSocketManagerProtocol;
  private emitted = 0;

  constructor(private readonly userContext: UserExecutionContext, manager?: WebSocketManagerProtocol) {
    this.manager = manager ?? getWebSocketManager(userContext.userId, userContext.threadId);
  }

  async emitAgentEvent(eventType: AgentEventType, data: Record<string, unknown>, runId: string, agentName: string): Promise<void> {
    this.emitted += 1;
    await this.manager.emitAgentEvent(this.userContext.userId, eventType, {
      ...data,
      runId,
      agentName,
      threadId: this.userContext.threadId,
    });
  }

  get eventsEmitted(): number {
    return this.emitted;
  }
}

/** Collects events in memory; used when an agent runs without a live user (batch jobs). */
export class RecordingEventSink implements AgentEventSink {
  readonly events: Array<{ eventType: AgentEventType; runId: string; agentName: string; data: Record<string, unknown> }> = [];

  async emitAgentEvent(eventType: AgentEventType, data: Record<string, unknown>, runId: string, agentName: string): Promise<void> {
    this.events.push({ eventType, runId, agentName, data });
  }
}

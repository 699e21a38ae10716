// Payload types shared by the event bus and the WebSocket layer.
import type { AgentEventType } from '../websocket_core/unified_manager';

export type { AgentEventType };

export interface AgentEventPayload {
  userId: string;
  runId: string;
  agentName: string;
  data: Record<string, unknown>;
}

export interface ServiceEvents extends Record<string, unknown> {
  'agent.event': AgentEventPayload & { type: AgentEventType };
  'user.connected': { userId: string; connectionId: string };
  'user.disconnected': { userId: string; connectionId: string };
}

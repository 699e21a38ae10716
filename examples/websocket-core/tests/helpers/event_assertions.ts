import { AGENT_EVENT_TYPES, type AgentEventType } from '../../src/websocket_core/unified_manager';
import type { FakeSocket } from './fake_socket';

export function agentEventsOn(socket: FakeSocket): AgentEventType[] {
  return socket.types().filter((t): t is AgentEventType => (AGENT_EVENT_TYPES as readonly string[]).includes(t));
}

export function expectAllAgentEvents(socket: FakeSocket): void {
  expect(agentEventsOn(socket)).toEqual([...AGENT_EVENT_TYPES]);
}

export function expectNoAgentEvents(socket: FakeSocket): void {
  expect(agentEventsOn(socket)).toEqual([]);
}

export async function emitAll(
  emit: (type: AgentEventType, data: Record<string, unknown>) => Promise<void>,
  runId = 'run-1',
): Promise<void> {
  for (const type of AGENT_EVENT_TYPES) await emit(type, { runId, agentName: 'test_agent', toolName: 'search', thought: '…' });
}

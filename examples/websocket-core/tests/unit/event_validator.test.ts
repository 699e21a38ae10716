import { validateAgentEvent, validateSequence } from '../../src/websocket_core/event_validator';
import type { AgentEventType } from '../../src/websocket_core/unified_manager';

describe('event_validator', () => {
  test('requires the fields each event type needs', () => {
    expect(validateAgentEvent('agent_started', { runId: 'r', agentName: 'a' }).ok).toBe(true);
    expect(validateAgentEvent('tool_executing', { runId: 'r' }).errors).toEqual(['tool_executing requires "toolName"']);
    expect(validateAgentEvent('agent_sleeping', {}).ok).toBe(false);
  });

  test('checks the order of a run', () => {
    const good: AgentEventType[] = ['agent_started', 'agent_thinking', 'tool_executing', 'tool_completed', 'agent_completed'];
    expect(validateSequence(good).ok).toBe(true);
    expect(validateSequence(['agent_thinking', 'agent_completed']).errors).toContain('sequence must begin with agent_started');
    expect(validateSequence(['agent_started', 'tool_completed']).errors).toContain('tool_completed without tool_executing');
    expect(validateSequence(['agent_started', 'agent_completed', 'agent_thinking']).errors).toContain('nothing may follow agent_completed');
  });
});

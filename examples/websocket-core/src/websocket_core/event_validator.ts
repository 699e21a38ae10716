/**
 * Checks agent event payloads before they go out. The rules used to live inline in
 * the old facade (see ./websocket_manager for what is left of it); they are
 * stricter now and independent of any manager.
 */
import { AGENT_EVENT_TYPES, isAgentEventType, type AgentEventType } from './unified_manager';

export interface ValidationResult {
  ok: boolean;
  errors: string[];
}

const REQUIRED_FIELDS: Record<AgentEventType, readonly string[]> = {
  agent_started: ['runId', 'agentName'],
  agent_thinking: ['runId', 'thought'],
  tool_executing: ['runId', 'toolName'],
  tool_completed: ['runId', 'toolName'],
  agent_completed: ['runId', 'agentName'],
};

export function validateAgentEvent(type: string, data: Record<string, unknown>): ValidationResult {
  if (!isAgentEventType(type)) {
    return { ok: false, errors: [`type must be one of ${AGENT_EVENT_TYPES.join(', ')}`] };
  }
  const errors = REQUIRED_FIELDS[type]
    .filter((field) => data[field] === undefined || data[field] === '')
    .map((field) => `${type} requires "${field}"`);
  return { ok: errors.length === 0, errors };
}

/** Events must start with agent_started and end with agent_completed. */
export function validateSequence(types: readonly AgentEventType[]): ValidationResult {
  const errors: string[] = [];
  if (types.length === 0) return { ok: true, errors };
  if (types[0] !== 'agent_started') errors.push('sequence must begin with agent_started');
  const last = types[types.length - 1];
  if (last !== 'agent_completed' && types.includes('agent_completed')) {
    errors.push('nothing may follow agent_completed');
  }
  let openTools = 0;
  for (const t of types) {
    if (t === 'tool_executing') openTools += 1;
    if (t === 'tool_completed') {
      if (openTools === 0) errors.push('tool_completed without tool_executing');
      else openTools -= 1;
    }
  }
  return { ok: errors.length === 0, errors };
}

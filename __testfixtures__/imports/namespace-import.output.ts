import * as legacy from './lib/unified_manager';

export function build(): legacy.UnifiedWebSocketManager {
  return new legacy.UnifiedWebSocketManager();
}
export const events = legacy.AGENT_EVENT_TYPES;

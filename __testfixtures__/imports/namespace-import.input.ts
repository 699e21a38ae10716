import * as legacy from './lib/websocket_manager';

export function build(): legacy.WebSocketManager {
  return new legacy.WebSocketManager();
}
export const events = legacy.AGENT_EVENT_TYPES;

import { UnifiedWebSocketManager, type WebSocketMessage, AGENT_EVENT_TYPES } from './lib/unified_manager';

export const managers: UnifiedWebSocketManager[] = [new UnifiedWebSocketManager()];
export const events = AGENT_EVENT_TYPES;
export type Message = WebSocketMessage;

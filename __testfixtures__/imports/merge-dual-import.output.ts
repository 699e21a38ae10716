import { UnifiedWebSocketManager, type WebSocketMessage, UnifiedWebSocketManager as WebSocketManager, AGENT_EVENT_TYPES } from './lib/unified_manager';

export const managers: UnifiedWebSocketManager[] = [new WebSocketManager()];
export const events = AGENT_EVENT_TYPES;
export type Message = WebSocketMessage;

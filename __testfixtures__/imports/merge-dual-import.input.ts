import { UnifiedWebSocketManager, type WebSocketMessage } from './lib/unified_manager';
import { WebSocketManager, AGENT_EVENT_TYPES } from './lib/websocket_manager';

export const managers: UnifiedWebSocketManager[] = [new WebSocketManager()];
export const events = AGENT_EVENT_TYPES;
export type Message = WebSocketMessage;

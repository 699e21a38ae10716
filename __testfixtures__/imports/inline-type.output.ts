import { type WebSocketManagerProtocol as WebSocketManagerInterface, UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager';

export const manager: WebSocketManagerInterface = new WebSocketManager();

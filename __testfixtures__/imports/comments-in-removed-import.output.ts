// the class
// the interface
import { UnifiedWebSocketManager as WebSocketManager, WebSocketManagerProtocol as WebSocketManagerInterface, createWebSocketManager } from './lib/unified_manager';

export const manager: WebSocketManagerInterface = new WebSocketManager();
export const create = createWebSocketManager;

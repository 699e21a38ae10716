import {
  // the class
  WebSocketManager,
  // the interface
  WebSocketManagerInterface,
} from './lib/websocket_manager';
import { createWebSocketManager } from './lib/unified_manager';

export const manager: WebSocketManagerInterface = new WebSocketManager();
export const create = createWebSocketManager;

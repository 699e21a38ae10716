import { UnifiedWebSocketManager } from './unified_manager';

export { createWebSocketManager as getWebSocketManager } from './unified_manager';
export class WebSocketManager extends UnifiedWebSocketManager {}

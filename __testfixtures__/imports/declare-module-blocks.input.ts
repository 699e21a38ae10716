// Each ambient module has imports of its own: a name one imports is not bound in the other.
declare module 'plugin-a' {
  import { UnifiedWebSocketManager } from './lib/unified_manager';
  export const a: UnifiedWebSocketManager;
}
declare module 'plugin-b' {
  import { WebSocketManager } from './lib/websocket_manager';
  export const b: WebSocketManager;
}

export type Manager = import('./lib/websocket_manager').WebSocketManager;

import type * as legacy from './lib/websocket_manager';

export type Pair = [legacy.WebSocketManager, ReturnType<typeof legacy.getWebSocketManager>];

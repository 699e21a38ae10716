import UnifiedWebSocketManager, { WebSocketManagerProtocol, default as AliasedManager } from './lib/unified_manager'; // kept for the admin console

export const managers: WebSocketManagerProtocol[] = [new UnifiedWebSocketManager(), new AliasedManager()];

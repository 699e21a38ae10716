import UnifiedWebSocketManager, { WebSocketManagerProtocol } from './lib/unified_manager';
import AliasedManager from './lib/manager_alias.js'; // kept for the admin console

export const managers: WebSocketManagerProtocol[] = [new UnifiedWebSocketManager(), new AliasedManager()];

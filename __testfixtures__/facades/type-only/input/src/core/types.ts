export type { WebSocketManagerProtocol as ManagerProtocol, UserContext } from './unified_manager';

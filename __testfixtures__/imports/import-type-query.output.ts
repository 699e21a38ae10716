export type Manager = import('./lib/unified_manager').UnifiedWebSocketManager;

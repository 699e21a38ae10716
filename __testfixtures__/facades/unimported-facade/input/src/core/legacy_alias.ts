export { UnifiedWebSocketManager as LegacyManager } from './unified_manager';

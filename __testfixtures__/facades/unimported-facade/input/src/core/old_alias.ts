export { UnifiedWebSocketManager as OldManager } from './unified_manager';

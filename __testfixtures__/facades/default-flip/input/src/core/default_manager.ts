import { UnifiedWebSocketManager } from './unified_manager';

export default UnifiedWebSocketManager;

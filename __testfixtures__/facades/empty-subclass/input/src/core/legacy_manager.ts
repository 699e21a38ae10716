import { UnifiedWebSocketManager } from './unified_manager';

export class LegacyWebSocketManager extends UnifiedWebSocketManager {}

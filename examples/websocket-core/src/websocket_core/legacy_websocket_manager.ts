import { UnifiedWebSocketManager } from './unified_manager';

/** Kept so `instanceof LegacyWebSocketManager` checks in old code keep compiling. */
export class LegacyWebSocketManager extends UnifiedWebSocketManager {}

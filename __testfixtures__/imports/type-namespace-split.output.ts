import type { UnifiedWebSocketManager } from './lib/unified_manager';
import type * as legacy from './lib/websocket_manager';

export type Pair = [UnifiedWebSocketManager, ReturnType<typeof legacy.getWebSocketManager>];

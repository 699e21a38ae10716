import { UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager';

// A raw U+2028 inside a string is legal since ES2019; recast would split the line there.
export const label = 'line separator';
export const manager = new WebSocketManager();

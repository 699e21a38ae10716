import * as legacy from './lib/unified_manager';

// Inner bindings named like the namespace are other variables and stay as they are.
function inner() {
  const legacy = { WebSocketManager: 1 };
  return legacy.WebSocketManager;
}

function parameter(legacy: { WebSocketManager: number }) {
  return legacy.WebSocketManager;
}

export const all = [inner(), parameter({ WebSocketManager: 2 }), new legacy.UnifiedWebSocketManager()];

export async function lazyManager() {
  const { UnifiedWebSocketManager: WebSocketManager } = await import('./lib/unified_manager');
  return new WebSocketManager();
}

export async function lazyManager() {
  const { WebSocketManager } = await import('./lib/websocket_manager');
  return new WebSocketManager();
}

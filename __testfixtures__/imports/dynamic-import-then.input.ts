export function lazyManager() {
  return import('./lib/websocket_manager').then((legacy) => new legacy.WebSocketManager());
}

export function lazyEvents() {
  return import('./lib/websocket_manager').then(({ AGENT_EVENT_TYPES }) => AGENT_EVENT_TYPES);
}

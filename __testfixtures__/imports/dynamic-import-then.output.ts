export function lazyManager() {
  return import('./lib/unified_manager').then((legacy) => new legacy.UnifiedWebSocketManager());
}

export function lazyEvents() {
  return import('./lib/unified_manager').then(({ AGENT_EVENT_TYPES }) => AGENT_EVENT_TYPES);
}

// The facade: aliases of the canonical manager and an accessor with no canonical counterpart.
import { UnifiedWebSocketManager, type WebSocketManagerProtocol } from './unified_manager';
export { createWebSocketManager, AGENT_EVENT_TYPES } from './unified_manager';
export type { WebSocketMessage } from './unified_manager';
export const WebSocketManager = UnifiedWebSocketManager;
export type WebSocketManager = UnifiedWebSocketManager;
export type WebSocketManagerInterface = WebSocketManagerProtocol;
const managers = new Map<string, UnifiedWebSocketManager>();
export function getWebSocketManager(userId: string): UnifiedWebSocketManager {
  const existing = managers.get(userId) ?? new UnifiedWebSocketManager();
  managers.set(userId, existing);
  return existing;
}
export default UnifiedWebSocketManager;

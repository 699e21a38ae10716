// Admin diagnostics: what kind of manager is serving a user, and how busy it is.
import { AGENT_EVENT_TYPES } from '../../websocket_core/unified_manager';
import { WebSocketManager, WebSocketManagerGuard } from '../../websocket_core/websocket_manager';

// Name the implementation class reports under in heap snapshots.
const UnifiedWebSocketManager = WebSocketManager.name;

export interface ManagerReport {
  implementation: string;
  isCanonical: boolean;
  connections: number;
  users: string[];
  supportedEvents: string[];
}

export function inspectManager(manager: object, userIds: string[]): ManagerReport {
  const isCanonical = manager instanceof WebSocketManager;
  const users = isCanonical ? userIds.filter((u) => (manager as WebSocketManager).isUserConnected(u)) : [];
  return {
    implementation: manager.constructor.name,
    isCanonical: isCanonical && manager.constructor.name === UnifiedWebSocketManager,
    connections: isCanonical ? (manager as WebSocketManager).connectionCount : 0,
    users,
    supportedEvents: isCanonical ? [...AGENT_EVENT_TYPES] : [],
  };
}

/** The guard must never be constructible; diagnostics checks it at start-up. */
export function guardIsIntact(): boolean {
  try {
    new WebSocketManagerGuard();
    return false;
  } catch {
    return true;
  }
}

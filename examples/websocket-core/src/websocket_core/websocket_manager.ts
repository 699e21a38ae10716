/**
 * Compatibility facade over unified_manager.ts.
 *
 * This used to be the manager. The implementation moved to UnifiedWebSocketManager;
 * what is left here keeps old imports compiling: aliases, a per-user registry,
 * the `getWebSocketManager` accessor and a few deprecated constructors.
 */
import {
  UnifiedWebSocketManager,
  createWebSocketManager,
  type WebSocketManagerProtocol,
} from './unified_manager';
import { createUserExecutionContext, type UserExecutionContext } from '../context/user_execution_context';
import { warnOnce } from '../utils/logger';
import { registerGauge } from './websocket_manager_metrics';

export type { AgentEventType, WebSocketConnection, WebSocketMessage } from './unified_manager';
export { AGENT_EVENT_TYPES } from './unified_manager';

/** Historical entry point. Constructing it is always a bug. */
export class WebSocketManagerGuard {
  constructor() {
    throw new Error(
      'WebSocketManagerGuard cannot be instantiated: use createWebSocketManager(userContext) from unified_manager',
    );
  }
}

export const WebSocketManager = UnifiedWebSocketManager;
export type WebSocketManager = UnifiedWebSocketManager;

export type WebSocketManagerInterface = WebSocketManagerProtocol;

/**
 * What call sites typed their manager as before the protocol existed. It accepts
 * any `addConnection` arguments, which is how `(socket, context)` calls survived.
 */
export type AnyWebSocketManager = {
  addConnection(...args: any[]): void;
  [member: string]: any;
};

// One manager per user. The thread is not part of the key.
const managersByUser = new Map<string, UnifiedWebSocketManager>();

registerGauge('ws_registry_managers', () => managersByUser.size);

export function getWebSocketManager(userId: string, threadId?: string): UnifiedWebSocketManager {
  const existing = managersByUser.get(userId);
  if (existing) return existing;
  const manager = createWebSocketManager(createUserExecutionContext({ userId, threadId }));
  managersByUser.set(userId, manager);
  return manager;
}

export class WebSocketManagerFactory {
  static create(userContext: UserExecutionContext): UnifiedWebSocketManager {
    return createWebSocketManager(userContext);
  }

  /** @deprecated the registry is keyed by user; prefer `create(userContext)`. */
  static shared(userId: string): UnifiedWebSocketManager {
    return getWebSocketManager(userId);
  }
}

/** @deprecated use createWebSocketManager(userContext) */
export function createWebSocketManagerLegacy(userId: string): UnifiedWebSocketManager {
  warnOnce('createWebSocketManagerLegacy', 'createWebSocketManagerLegacy is deprecated', { userId });
  return getWebSocketManager(userId);
}

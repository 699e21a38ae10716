import type { UserExecutionContext } from '../../src/context/user_execution_context';
import { createWebSocketManager, type UnifiedWebSocketManager } from '../../src/websocket_core/unified_manager';
import { getWebSocketManager, type AnyWebSocketManager } from '../../src/websocket_core/websocket_manager';
import { FakeSocket } from './fake_socket';

/** Connects a new FakeSocket the same way the app's connect handler does. */
export function connectSocket(manager: AnyWebSocketManager, ctx: UserExecutionContext, label?: string): FakeSocket {
  const socket = new FakeSocket(label ?? `${ctx.userId}/${ctx.threadId}`);
  manager.addConnection(socket, ctx);
  return socket;
}

export function freshManager(ctx: UserExecutionContext): UnifiedWebSocketManager {
  return createWebSocketManager(ctx);
}

/** The user's manager from the shared registry, as health checks and admin routes see it. */
export function registryManager(userId: string): UnifiedWebSocketManager {
  return getWebSocketManager(userId);
}

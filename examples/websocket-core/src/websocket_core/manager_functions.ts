// Function-style helpers from when the manager was a module of functions.
// They only forward to the class and the canonical factory.
import type { UserExecutionContext } from '../context/user_execution_context';
import {
  createWebSocketManager,
  type AgentEventType,
  type UnifiedWebSocketManager,
  type WebSocketMessage,
} from './unified_manager';

export function createManagerForUser(ctx: UserExecutionContext): UnifiedWebSocketManager {
  return createWebSocketManager(ctx);
}

export function broadcastAgentEvent(
  manager: UnifiedWebSocketManager,
  userId: string,
  type: AgentEventType,
  data: Record<string, unknown>,
): Promise<void> {
  return manager.emitAgentEvent(userId, type, data);
}

export function sendToUser(manager: UnifiedWebSocketManager, message: WebSocketMessage, userId: string): Promise<void> {
  return manager.sendMessage(userId, message);
}

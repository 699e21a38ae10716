import { createUserExecutionContext, type UserExecutionContext } from '../context/user_execution_context';
import { createWebSocketManager, type UnifiedWebSocketManager } from './unified_manager';

/** Second attempt at a factory class; it never grew past delegating. */
export class WebSocketManagerFactoryV2 {
  static forUser(ctx: UserExecutionContext): UnifiedWebSocketManager {
    return createWebSocketManager(ctx);
  }

  static forRequest(userId: string, threadId: string, requestId: string): UnifiedWebSocketManager {
    return createWebSocketManager(createUserExecutionContext({ userId, threadId, requestId }));
  }
}

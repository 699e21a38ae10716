import { createUserExecutionContext, type UserExecutionContext } from '../context/user_execution_context';
import { createWebSocketManager } from '../websocket_core/unified_manager';

// Old registry class, loaded the CommonJS way since this file predates ES imports here.
const { WebSocketManager } = require('../websocket_core/websocket_manager');

export interface UserSession {
  ctx: UserExecutionContext;
  startedAt: number;
}

/** Tracks logged-in sessions and decides which manager a new session gets. */
export class UserSessionService {
  private readonly sessions = new Map<string, UserSession>();

  start(userId: string, threadId?: string): UserSession {
    const session = { ctx: createUserExecutionContext({ userId, threadId }), startedAt: Date.now() };
    this.sessions.set(session.ctx.requestId, session);
    return session;
  }

  end(requestId: string): boolean {
    return this.sessions.delete(requestId);
  }

  activeFor(userId: string): UserSession[] {
    return [...this.sessions.values()].filter((s) => s.ctx.userId === userId);
  }

  managerFor(session: UserSession) {
    const manager = createWebSocketManager(session.ctx);
    if (!(manager instanceof WebSocketManager)) {
      throw new Error('facade and canonical manager diverged');
    }
    return manager;
  }
}

import type { UserExecutionContext } from '../context/user_execution_context';
import { ThreadRepository, type ThreadRecord } from '../db/thread_repository';
import { type AgentEventType } from '../websocket_core/unified_manager.js';
import { getWebSocketManager } from '../websocket_core/websocket_manager.js';

/** Thread lifecycle requests coming over the socket: create, switch, archive. */
export class ThreadHandler {
  constructor(private readonly threads = new ThreadRepository()) {}

  async create(ctx: UserExecutionContext, title: string): Promise<ThreadRecord> {
    const thread = this.threads.create(ctx.userId, title || 'New chat');
    await getWebSocketManager(ctx.userId, thread.threadId).sendMessage(ctx.userId, {
      type: 'thread_created',
      threadId: thread.threadId,
      payload: { title: thread.title },
    });
    return thread;
  }

  async archive(ctx: UserExecutionContext, threadId: string): Promise<boolean> {
    const thread = this.threads.find(threadId);
    if (!thread || thread.userId !== ctx.userId) return false;
    this.threads.archive(threadId);
    // Tell any agent UI still showing this thread that the run is over.
    const closing: AgentEventType = 'agent_completed';
    await getWebSocketManager(ctx.userId, threadId).emitAgentEvent(ctx.userId, closing, { threadId, reason: 'archived' });
    return true;
  }

  list(ctx: UserExecutionContext): ThreadRecord[] {
    return this.threads.listForUser(ctx.userId);
  }
}

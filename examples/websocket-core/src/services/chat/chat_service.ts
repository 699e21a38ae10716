import type { UserExecutionContext } from '../../context/user_execution_context';
import { MessageRepository, type StoredMessage } from '../../db/message_repository';
import type { WebSocketMessage } from '../../websocket_core/unified_manager';
import { WebSocketManager, getWebSocketManager } from '../../websocket_core/websocket_manager';

/** Chat messages in and assistant replies out, persisted and pushed to the user's sockets. */
export class ChatService {
  constructor(
    private readonly messages = new MessageRepository(),
    private readonly managerFor: (ctx: UserExecutionContext) => WebSocketManager = (ctx) =>
      getWebSocketManager(ctx.userId, ctx.threadId),
  ) {}

  async postUserMessage(ctx: UserExecutionContext, content: string): Promise<StoredMessage> {
    return this.messages.append({ threadId: ctx.threadId, userId: ctx.userId, role: 'user', content });
  }

  async postAssistantReply(ctx: UserExecutionContext, content: string): Promise<StoredMessage> {
    const stored = this.messages.append({ threadId: ctx.threadId, userId: ctx.userId, role: 'assistant', content });
    const frame: WebSocketMessage = {
      type: 'assistant_message',
      threadId: ctx.threadId,
      payload: { seq: stored.seq, content },
    };
    await this.managerFor(ctx).sendMessage(ctx.userId, frame);
    return stored;
  }

  history(ctx: UserExecutionContext, afterSeq = 0): StoredMessage[] {
    return this.messages.history(ctx.threadId, afterSeq);
  }
}

import type { UserExecutionContext } from '../context/user_execution_context';
import { MessageRepository } from '../db/message_repository';
import type { WebSocketMessage } from '../websocket_core/unified_manager';
import { WebSocketManager as WSM } from '../websocket_core/websocket_manager';

export interface ChatInput {
  content: string;
}

/** Stores a user's chat message and echoes an acknowledgement to all their sockets. */
export class MessageHandler {
  constructor(private readonly manager: WSM, private readonly messages = new MessageRepository()) {}

  async handle(ctx: UserExecutionContext, input: ChatInput): Promise<WebSocketMessage> {
    const content = input.content.trim();
    if (!content) throw new Error('empty message');
    const stored = this.messages.append({ threadId: ctx.threadId, userId: ctx.userId, role: 'user', content });
    const ack: WebSocketMessage = {
      type: 'message_ack',
      threadId: ctx.threadId,
      payload: { seq: stored.seq, requestId: ctx.requestId },
    };
    await this.manager.sendMessage(ctx.userId, ack);
    return ack;
  }

  static standalone(): MessageHandler {
    return new MessageHandler(new WSM());
  }
}

import { ChatService } from '../../src/services/chat/chat_service';
import { StreamingResponder } from '../../src/services/chat/streaming_responder';
import { pageHistory } from '../../src/services/chat/thread/thread_history';
import { ThreadSubscriptions } from '../../src/services/chat/thread/thread_subscriptions';
import { WebSocketManager } from '../../src/websocket_core/websocket_manager';
import { FakeSocket } from '../helpers/fake_socket';
import { contextFor } from '../helpers/test_context';

describe('chat flow', () => {
  const ctx = contextFor('mia', 'thread-chat');
  let manager: WebSocketManager;
  let socket: FakeSocket;

  beforeEach(() => {
    manager = new WebSocketManager(ctx);
    socket = new FakeSocket('mia');
    manager.addConnection({ connectionId: 'mia-1', userId: 'mia', threadId: ctx.threadId, socket });
  });

  test('user message, streamed answer, stored reply, paged history', async () => {
    const chat = new ChatService(undefined, () => manager);
    await chat.postUserMessage(ctx, 'summarise my week');
    const chunks = await new StreamingResponder(manager, 8).stream(ctx, 'run-1', 'You shipped three features.');
    await chat.postAssistantReply(ctx, 'You shipped three features.');

    expect(chunks).toBe(4);
    expect(socket.types()).toEqual([...Array(4).fill('agent_thinking'), 'agent_completed', 'assistant_message']);
    const page = pageHistory(chat.history(ctx), 0, 1);
    expect(page.messages.map((m) => m.role)).toEqual(['user']);
    expect(page.nextSeq).toBe(1);
    expect(pageHistory(chat.history(ctx), 1, 10).messages.map((m) => m.role)).toEqual(['assistant']);
  });

  test('thread-scoped frames only go out for subscribed threads', async () => {
    const subs = new ThreadSubscriptions(manager);
    await expect(subs.publish('mia', 'thread-chat', 'typing', {})).resolves.toBe(false);
    subs.subscribe('mia', 'thread-chat');
    await expect(subs.publish('mia', 'thread-chat', 'typing', {})).resolves.toBe(true);
    subs.unsubscribe('mia', 'thread-chat');
    await subs.publish('mia', 'thread-chat', 'typing', {});
    expect(socket.types()).toEqual(['typing']);
  });
});

import { MessageHandler } from '@core/handlers/message_handler';
import { createWebSocketManager } from '@core/websocket_core/unified_manager';
import type { WebSocketManager } from '@core/websocket_core/websocket_manager';
import { FakeSocket } from '../helpers/fake_socket';
import { contextFor } from '../helpers/test_context';

describe('MessageHandler', () => {
  const ctx = contextFor('alice', 'thread-1');
  let manager: WebSocketManager;
  let socket: FakeSocket;

  beforeEach(() => {
    manager = createWebSocketManager(ctx);
    socket = new FakeSocket();
    manager.addConnection({ connectionId: 'c1', userId: ctx.userId, threadId: ctx.threadId, socket });
  });

  test('stores the message and acknowledges it with a sequence number', async () => {
    const handler = new MessageHandler(manager);
    const first = await handler.handle(ctx, { content: 'hello' });
    const second = await handler.handle(ctx, { content: 'again' });
    expect(first.payload.seq).toBe(1);
    expect(second.payload.seq).toBe(2);
    expect(socket.types()).toEqual(['message_ack', 'message_ack']);
  });

  test('rejects blank messages without sending anything', async () => {
    await expect(new MessageHandler(manager).handle(ctx, { content: '   ' })).rejects.toThrow('empty message');
    expect(socket.sent).toEqual([]);
  });
});

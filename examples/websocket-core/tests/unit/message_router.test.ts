import { getWebSocketManager } from '@core/websocket_core';
import { MessageRouter, parseFrame } from '@core/websocket_core/message_router';
import { FakeSocket } from '../helpers/fake_socket';
import { uniqueUserId } from '../helpers/test_context';

describe('MessageRouter', () => {
  test('dispatches by frame type', async () => {
    const seen: string[] = [];
    const router = new MessageRouter().on('chat', (userId, m) => {
      seen.push(`${userId}:${String(m.payload.text)}`);
    });
    await expect(router.route('alice', JSON.stringify({ type: 'chat', payload: { text: 'hi' } }))).resolves.toBe(true);
    expect(seen).toEqual(['alice:hi']);
  });

  test('answers malformed and unknown frames with an error to the sender', async () => {
    const userId = uniqueUserId('router');
    const socket = new FakeSocket();
    getWebSocketManager(userId).addConnection({ connectionId: 'c1', userId, socket });
    const router = new MessageRouter();
    await router.route(userId, '{not json');
    await router.route(userId, JSON.stringify({ type: 'teleport' }));
    expect(socket.frames().map((f) => f.payload.code)).toEqual(['invalid_frame', 'unknown_type']);
  });

  test('parseFrame normalises the payload', () => {
    expect(parseFrame('{"type":"x","payload":null,"threadId":"t"}')).toEqual({ type: 'x', payload: {}, threadId: 't' });
    expect(() => parseFrame('[1]')).toThrow();
  });
});

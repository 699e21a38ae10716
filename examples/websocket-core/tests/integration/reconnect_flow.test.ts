import { TokenLifecycleManager } from '../../src/auth/token_lifecycle_manager';
import { AuthHandshakeHandler } from '../../src/handlers/auth_handshake_handler';
import { handleConnect } from '../../src/handlers/connection_handler';
import { reconnect } from '../../src/routes/reconnect_route';
import { LegacyWebSocketManager } from '../../src/websocket_core/legacy_websocket_manager';
import { FakeSocket } from '../helpers/fake_socket';
import { uniqueUserId } from '../helpers/test_context';

describe('handshake, connect and reconnect', () => {
  const tokens = new TokenLifecycleManager('reconnect-secret');
  const handshake = new AuthHandshakeHandler(tokens);

  test('a bad token closes the socket', () => {
    const socket = new FakeSocket();
    expect(handshake.accept(socket, { token: 'garbage' })).toBeNull();
    expect(socket.types()).toEqual(['auth_failed']);
    expect(socket.closeCalls).toBe(1);
  });

  test('a good token yields a context and the socket is greeted', async () => {
    const userId = uniqueUserId('hs');
    const socket = new FakeSocket();
    const ctx = handshake.accept(socket, { token: tokens.issue(userId), threadId: 'thread-1' });
    expect(ctx).toMatchObject({ userId, threadId: 'thread-1' });
    const result = await handleConnect(socket, ctx!);
    expect(result).toEqual({ userId, threadId: 'thread-1', openConnections: 1 });
    expect(socket.types()).toEqual(['connected']);
  });

  test('reconnecting onto the previous manager keeps the earlier sockets', async () => {
    const userId = uniqueUserId('rc');
    const ctx = { userId, threadId: 'thread-1', requestId: 'req-1' };
    const previous = new LegacyWebSocketManager(ctx);
    const before = new FakeSocket('before');
    previous.addConnection({ connectionId: 'old', userId, socket: before });

    const after = new FakeSocket('after');
    await expect(reconnect(after, ctx, previous)).resolves.toEqual({ resumed: true, connections: 2 });
    expect(after.types()).toEqual(['reconnected']);
    expect(before.types()).toEqual(['reconnected']);
  });

  test('reconnecting without a manager starts fresh', async () => {
    const ctx = { userId: uniqueUserId('rc'), threadId: 'thread-2', requestId: 'req-2' };
    await expect(reconnect(new FakeSocket(), ctx)).resolves.toEqual({ resumed: false, connections: 1 });
  });
});

// manager.ts has its own WebSocketManager class (no agent events); it must keep working on its own.
import { WebSocketManager } from '../../src/websocket_core/manager';
import { FakeSocket } from '../helpers/fake_socket';

describe('standalone WebSocketManager (manager.ts)', () => {
  test('addConnection takes (connectionId, userId, socket, metadata)', () => {
    const manager = new WebSocketManager();
    manager.addConnection('c1', 'alice', new FakeSocket(), { userAgent: 'jest' });
    expect(manager.size).toBe(1);
    expect(manager.connectionIdsFor('alice')).toEqual(['c1']);
    expect(manager.metadataOf('c1')).toEqual({ userAgent: 'jest' });
  });

  test('refuses a duplicate connection id', () => {
    const manager = new WebSocketManager();
    manager.addConnection('c1', 'alice', new FakeSocket());
    expect(() => manager.addConnection('c1', 'bob', new FakeSocket())).toThrow(/already registered/);
  });

  test('sendMessage writes to the user and reports how many sockets it reached', async () => {
    const manager = new WebSocketManager();
    const a = new FakeSocket();
    const b = new FakeSocket();
    const closed = new FakeSocket();
    manager.addConnection('a', 'alice', a);
    manager.addConnection('b', 'bob', b);
    manager.addConnection('c', 'alice', closed);
    closed.close();
    await expect(manager.sendMessage('alice', { type: 'notice', payload: {} })).resolves.toBe(1);
    expect(a.types()).toEqual(['notice']);
    expect(b.sent).toEqual([]);
  });

  test('broadcast and removeConnection', () => {
    const manager = new WebSocketManager();
    const a = new FakeSocket();
    manager.addConnection('a', 'alice', a);
    manager.addConnection('b', 'bob', new FakeSocket());
    expect(manager.broadcast({ type: 'maintenance', payload: {} })).toBe(2);
    manager.removeConnection('a');
    expect(a.closeCalls).toBe(1);
    expect(manager.size).toBe(1);
  });

  test('has no agent event support', () => {
    expect('emitAgentEvent' in new WebSocketManager()).toBe(false);
  });
});

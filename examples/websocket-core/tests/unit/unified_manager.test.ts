import { createUserExecutionContext } from '../../src/context/user_execution_context';
import {
  AGENT_EVENT_TYPES,
  UnifiedWebSocketManager,
  createWebSocketManager,
  type AgentEventType,
} from '../../src/websocket_core/unified_manager';
import { expectAllAgentEvents, expectNoAgentEvents } from '../helpers/event_assertions';
import { FakeSocket } from '../helpers/fake_socket';
import { connectSocket } from '../helpers/manager_fixtures';

function connect(manager: UnifiedWebSocketManager, userId: string, connectionId: string, threadId?: string): FakeSocket {
  const socket = new FakeSocket(connectionId);
  manager.addConnection({ connectionId, userId, threadId, socket });
  return socket;
}

describe('UnifiedWebSocketManager', () => {
  let manager: UnifiedWebSocketManager;

  beforeEach(() => {
    manager = new UnifiedWebSocketManager();
  });

  test('tracks several connections per user', () => {
    connect(manager, 'alice', 'a1');
    connect(manager, 'alice', 'a2');
    connect(manager, 'bob', 'b1');
    expect(manager.connectionCount).toBe(3);
    expect(manager.getConnections('alice').map((c) => c.connectionId)).toEqual(['a1', 'a2']);
    expect(manager.isUserConnected('bob')).toBe(true);
    expect(manager.isUserConnected('carol')).toBe(false);
  });

  test('sendMessage reaches every open socket of the user and nobody else', async () => {
    const a1 = connect(manager, 'alice', 'a1');
    const a2 = connect(manager, 'alice', 'a2');
    const b1 = connect(manager, 'bob', 'b1');
    await manager.sendMessage('alice', { type: 'hello', payload: { n: 1 } });
    expect(a1.types()).toEqual(['hello']);
    expect(a2.types()).toEqual(['hello']);
    expect(b1.sent).toHaveLength(0);
  });

  test.each(AGENT_EVENT_TYPES.map((t) => [t]))('%s is delivered only to the target user', async (type: AgentEventType) => {
    const alice = connect(manager, 'alice', 'a1');
    const bob = connect(manager, 'bob', 'b1');
    await manager.emitAgentEvent('alice', type, { runId: 'r1' });
    expect(alice.frames()).toEqual([expect.objectContaining({ type, payload: { runId: 'r1' } })]);
    expectNoAgentEvents(bob);
  });

  test('all five events arrive in order', async () => {
    const alice = connect(manager, 'alice', 'a1');
    for (const type of AGENT_EVENT_TYPES) await manager.emitAgentEvent('alice', type, {});
    expectAllAgentEvents(alice);
  });

  test('rejects unknown agent event types', async () => {
    connect(manager, 'alice', 'a1');
    await expect(manager.emitAgentEvent('alice', 'agent_exploded' as AgentEventType, {})).rejects.toThrow(/unknown agent event/);
  });

  test('removeConnection closes the socket and stops delivery', async () => {
    const a1 = connect(manager, 'alice', 'a1');
    const a2 = connect(manager, 'alice', 'a2');
    expect(manager.removeConnection('a1')).toBe(true);
    expect(manager.removeConnection('a1')).toBe(false);
    expect(a1.closeCalls).toBe(1);
    await manager.sendMessage('alice', { type: 'after', payload: {} });
    expect(a1.sent).toHaveLength(0);
    expect(a2.types()).toEqual(['after']);
    manager.removeConnection('a2');
    expect(manager.isUserConnected('alice')).toBe(false);
  });

  test('a socket whose send throws is dropped', async () => {
    const broken = connect(manager, 'alice', 'a1');
    const healthy = connect(manager, 'alice', 'a2');
    broken.breakSends();
    await manager.sendMessage('alice', { type: 'ping', payload: {} });
    expect(manager.getConnections('alice').map((c) => c.connectionId)).toEqual(['a2']);
    expect(healthy.types()).toEqual(['ping']);
  });

  test('createWebSocketManager returns a new manager bound to the context', () => {
    const ctx = createUserExecutionContext({ userId: 'alice', threadId: 't1' });
    const first = createWebSocketManager(ctx);
    const second = createWebSocketManager(ctx);
    expect(first).not.toBe(second);
    expect(first.userContext).toBe(ctx);
    expect(() => connect(first, 'mallory', 'm1')).toThrow(/refused a connection/);
  });

  test('still accepts the old (socket, context) call shape', async () => {
    const ctx = createUserExecutionContext({ userId: 'alice', threadId: 't9' });
    const socket = connectSocket(manager, ctx);
    const [conn] = manager.getConnections('alice');
    expect(conn).toMatchObject({ userId: 'alice', threadId: 't9', socket });
    expect(conn.connectionId).toMatch(/^conn_/);
    await manager.emitAgentEvent('alice', 'agent_started', {});
    expect(socket.types()).toEqual(['agent_started']);
  });
});

/**
 * Two threads of the same user must not share a WebSocket manager, or an agent
 * running in one thread streams its events into the other thread's socket.
 *
 * The app still gets managers through the legacy accessor
 * getWebSocketManager(userId, threadId), whose registry is keyed by user only.
 * The first test therefore documents the bug and is EXPECTED TO FAIL until
 * phase 4 (factories) rewires the accessor calls to the per-user factory
 * createWebSocketManager(userContext); then turn `test.failing` into `test`.
 */
import { createUserExecutionContext } from '../../src/context/user_execution_context';
import type { UnifiedWebSocketManager } from '../../src/websocket_core/unified_manager';
import { getWebSocketManager } from '../../src/websocket_core/websocket_manager';
import { FakeSocket } from '../helpers/fake_socket';
import { uniqueUserId } from '../helpers/test_context';

describe('thread isolation', () => {
  test.failing('an agent event for thread A does not reach thread B of the same user', async () => {
    const userId = uniqueUserId('isolation');
    const ctxA = createUserExecutionContext({ userId, threadId: 'thread-a' });
    const ctxB = createUserExecutionContext({ userId, threadId: 'thread-b' });

    const managerA: UnifiedWebSocketManager = getWebSocketManager(ctxA.userId, ctxA.threadId);
    const managerB: UnifiedWebSocketManager = getWebSocketManager(ctxB.userId, ctxB.threadId);
    const socketA = new FakeSocket('thread-a');
    const socketB = new FakeSocket('thread-b');
    managerA.addConnection({ connectionId: 'conn-a', userId: ctxA.userId, threadId: ctxA.threadId, socket: socketA });
    managerB.addConnection({ connectionId: 'conn-b', userId: ctxB.userId, threadId: ctxB.threadId, socket: socketB });

    await managerA.emitAgentEvent(ctxA.userId, 'agent_started', { runId: 'run-a', agentName: 'triage' });

    expect(socketA.types()).toEqual(['agent_started']);
    expect(socketB.types()).toEqual([]);
    expect(managerA).not.toBe(managerB);
  });

  test('different users never share a manager', async () => {
    const ctxA = createUserExecutionContext({ userId: uniqueUserId('isolation'), threadId: 'thread-a' });
    const ctxB = createUserExecutionContext({ userId: uniqueUserId('isolation'), threadId: 'thread-a' });
    const managerA = getWebSocketManager(ctxA.userId, ctxA.threadId);
    const managerB = getWebSocketManager(ctxB.userId, ctxB.threadId);
    const socketB = new FakeSocket('other-user');
    managerB.addConnection({ connectionId: 'conn-b', userId: ctxB.userId, socket: socketB });

    await managerA.emitAgentEvent(ctxA.userId, 'agent_thinking', { runId: 'run-a', thought: 'private' });

    expect(managerA).not.toBe(managerB);
    expect(socketB.sent).toEqual([]);
  });
});

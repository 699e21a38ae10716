// Exercises only the old facade API, the way code that never migrated uses it.
import { createWebSocketManagerLegacy, getWebSocketManager } from '../../src/websocket_core/websocket_manager';
import { FakeSocket } from '../helpers/fake_socket';
import { uniqueUserId } from '../helpers/test_context';

const legacy = require('../../src/websocket_core/websocket_manager');

describe('legacy facade API', () => {
  test('createWebSocketManagerLegacy hands out the registry manager', () => {
    const userId = uniqueUserId('legacy');
    expect(createWebSocketManagerLegacy(userId)).toBe(getWebSocketManager(userId));
  });

  test('WebSocketManagerFactory.shared is the registry too', () => {
    const userId = uniqueUserId('legacy');
    expect(legacy.WebSocketManagerFactory.shared(userId)).toBe(getWebSocketManager(userId));
  });

  test('events sent through the registry manager reach the user', async () => {
    const userId = uniqueUserId('legacy');
    const socket = new FakeSocket();
    const manager = legacy.getWebSocketManager(userId);
    manager.addConnection({ connectionId: 'c1', userId, socket });
    await manager.emitAgentEvent(userId, 'agent_started', { runId: 'r1' });
    expect(socket.types()).toEqual(['agent_started']);
  });

  test('re-exports the agent event list', () => {
    expect(legacy.AGENT_EVENT_TYPES).toContain('tool_completed');
  });
});

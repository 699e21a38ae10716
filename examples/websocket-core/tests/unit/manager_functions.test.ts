import { broadcastAgentEvent, createManagerForUser, sendToUser } from '../../src/websocket_core/manager_functions';
import { UnifiedWebSocketManager } from '../../src/websocket_core/unified_manager';
import { FakeSocket } from '../helpers/fake_socket';
import { contextFor } from '../helpers/test_context';

describe('manager_functions', () => {
  test('createManagerForUser returns a new canonical manager per call', () => {
    const ctx = contextFor('alice');
    const manager = createManagerForUser(ctx);
    expect(manager).toBeInstanceOf(UnifiedWebSocketManager);
    expect(createManagerForUser(ctx)).not.toBe(manager);
  });

  test('broadcastAgentEvent and sendToUser forward to the manager', async () => {
    const manager = new UnifiedWebSocketManager();
    const socket = new FakeSocket();
    manager.addConnection({ connectionId: 'c1', userId: 'alice', socket });
    await broadcastAgentEvent(manager, 'alice', 'agent_thinking', { thought: 'hmm' });
    await sendToUser(manager, { type: 'note', payload: {} }, 'alice');
    expect(socket.types()).toEqual(['agent_thinking', 'note']);
  });
});

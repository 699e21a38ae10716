import { AgentWebSocketBridge, RecordingEventSink } from '../../src/agents/agent_websocket_bridge';
import { createWebSocketManager } from '../../src/websocket_core/unified_manager';
import { FakeSocket } from '../helpers/fake_socket';
import { contextFor } from '../helpers/test_context';

// An injected manager must be used as is: make any registry lookup blow up.
jest.mock('../../src/websocket_core/websocket_manager', () => ({
  ...jest.requireActual('../../src/websocket_core/websocket_manager'),
  getWebSocketManager: jest.fn(() => {
    throw new Error('the shared registry must not be used when a manager is injected');
  }),
}));

describe('AgentWebSocketBridge', () => {
  test('translates (eventType, data, runId, agentName) into a user event', async () => {
    const ctx = contextFor('alice', 'thread-1');
    const manager = createWebSocketManager(ctx);
    const socket = new FakeSocket();
    manager.addConnection({ connectionId: 'c1', userId: 'alice', threadId: 'thread-1', socket });
    const bridge = new AgentWebSocketBridge(ctx, manager);

    await bridge.emitAgentEvent('tool_executing', { toolName: 'search' }, 'run-9', 'researcher');

    expect(socket.frames()).toEqual([
      expect.objectContaining({
        type: 'tool_executing',
        payload: { toolName: 'search', runId: 'run-9', agentName: 'researcher', threadId: 'thread-1' },
      }),
    ]);
    expect(bridge.eventsEmitted).toBe(1);
  });

  test('events of one user never reach another user on the same manager', async () => {
    const manager = createWebSocketManager(contextFor('alice'));
    const alice = new FakeSocket();
    manager.addConnection({ connectionId: 'a1', userId: 'alice', socket: alice });
    const bridge = new AgentWebSocketBridge(contextFor('alice'), manager);
    await bridge.emitAgentEvent('agent_completed', { output: 'done' }, 'run-1', 'writer');
    expect(manager.getConnections('bob')).toEqual([]);
    expect(alice.types()).toEqual(['agent_completed']);
  });

  test('RecordingEventSink keeps events in memory', async () => {
    const sink = new RecordingEventSink();
    await sink.emitAgentEvent('agent_started', {}, 'run-1', 'batch');
    expect(sink.events).toEqual([{ eventType: 'agent_started', runId: 'run-1', agentName: 'batch', data: {} }]);
  });
});

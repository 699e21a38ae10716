import { handleDisconnect } from '../../src/handlers/disconnect_handler.js';
import { WebSocketConnectionManager } from '../../src/websocket_core/manager_alias.js';
import { AGENT_EVENT_TYPES, UnifiedWebSocketManager } from '../../src/websocket_core/unified_manager.js';
import { MAX_CONNECTIONS_PER_USER } from '../../src/websocket_core/unified_manager_config.js';
import { emitAll, expectAllAgentEvents, expectNoAgentEvents } from '../helpers/event_assertions';
import { FakeSocket } from '../helpers/fake_socket';

function openTabs(manager: UnifiedWebSocketManager, userId: string, count: number): FakeSocket[] {
  return Array.from({ length: count }, (_, i) => {
    const socket = new FakeSocket(`${userId}-tab${i}`);
    manager.addConnection({ connectionId: `${userId}-tab${i}`, userId, socket, metadata: { tab: i } });
    return socket;
  });
}

describe('several users with several tabs', () => {
  let manager: WebSocketConnectionManager;

  beforeEach(() => {
    manager = new WebSocketConnectionManager();
  });

  test('every tab of the target user gets all five agent events, in order', async () => {
    const aliceTabs = openTabs(manager, 'alice', 3);
    const bobTabs = openTabs(manager, 'bob', 2);
    await emitAll((type, data) => manager.emitAgentEvent('alice', type, data));
    aliceTabs.forEach(expectAllAgentEvents);
    bobTabs.forEach(expectNoAgentEvents);
    expect(aliceTabs[0].frames().map((f) => f.payload.runId)).toEqual(AGENT_EVENT_TYPES.map(() => 'run-1'));
  });

  test('closing a tab tells the other tabs, and the last tab leaves quietly', async () => {
    const [first, second] = openTabs(manager, 'carol', 2);
    await handleDisconnect(manager, { connectionId: 'carol-tab0', userId: 'carol', code: 1001 });
    expect(first.closeCalls).toBe(1);
    expect(second.types()).toEqual(['peer_disconnected']);
    await handleDisconnect(manager, { connectionId: 'carol-tab1', userId: 'carol', code: 1000 });
    expect(manager.isUserConnected('carol')).toBe(false);
    await expect(handleDisconnect(manager, { connectionId: 'carol-tab1', userId: 'carol', code: 1000 })).resolves.toBe(false);
  });

  test(`a user cannot open more than ${MAX_CONNECTIONS_PER_USER} sockets`, () => {
    openTabs(manager, 'dave', MAX_CONNECTIONS_PER_USER);
    expect(() => manager.addConnection({ connectionId: 'one-too-many', userId: 'dave', socket: new FakeSocket() })).toThrow(
      /already has/,
    );
    expect(manager.getConnections('dave')).toHaveLength(MAX_CONNECTIONS_PER_USER);
  });

  test('closed sockets are skipped without affecting open ones', async () => {
    const [stale, live] = openTabs(manager, 'erin', 2);
    stale.close();
    await manager.emitAgentEvent('erin', 'agent_started', { runId: 'r' });
    expect(stale.sent).toEqual([]);
    expect(live.types()).toEqual(['agent_started']);
  });
});

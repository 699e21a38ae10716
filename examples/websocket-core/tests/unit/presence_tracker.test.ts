import { PresenceTracker } from '../../src/services/presence/presence_tracker';
import ws = require('../../src/websocket_core/websocket_manager');
import { FakeSocket } from '../helpers/fake_socket';

describe('PresenceTracker', () => {
  test('offline, online, then away after inactivity', () => {
    const manager = new ws.WebSocketManager();
    const presence = new PresenceTracker(manager, 1_000);
    expect(presence.stateOf('alice', 0)).toBe('offline');
    manager.addConnection({ connectionId: 'c1', userId: 'alice', socket: new FakeSocket() });
    presence.touch('alice', 10_000);
    expect(presence.stateOf('alice', 10_500)).toBe('online');
    expect(presence.stateOf('alice', 12_000)).toBe('away');
  });

  test('supports only the unified manager', () => {
    expect(PresenceTracker.supports(new ws.WebSocketManager())).toBe(true);
    expect(PresenceTracker.supports({ isUserConnected: () => true })).toBe(false);
  });
});

import { ManualClock } from '../../src/utils/clock';
import { ConnectionManager } from '../../src/websocket_core/connection_manager';
import { HeartbeatHandler } from '../../src/handlers/heartbeat_handler';
import { FakeSocket } from '../helpers/fake_socket';

describe('ConnectionManager', () => {
  test('sendMessage addresses a single connection', () => {
    const manager = new ConnectionManager(new ManualClock());
    const a = new FakeSocket();
    const b = new FakeSocket();
    manager.register('a', 'alice', a);
    manager.register('b', 'alice', b);
    expect(manager.sendMessage('b', { type: 'direct', payload: {} })).toBe(true);
    expect(manager.sendMessage('missing', { type: 'direct', payload: {} })).toBe(false);
    expect(a.sent).toEqual([]);
    expect(b.types()).toEqual(['direct']);
  });

  test('sweeps connections that missed their heartbeat', () => {
    const clock = new ManualClock(1_000);
    const manager = new ConnectionManager(clock, 10_000);
    const quiet = new FakeSocket();
    manager.register('quiet', 'alice', quiet);
    manager.register('chatty', 'alice', new FakeSocket());
    clock.advance(8_000);
    manager.heartbeat('chatty');
    clock.advance(5_000);
    expect(manager.sweepStale()).toEqual(['quiet']);
    expect(quiet.closeCalls).toBe(1);
    expect(manager.has('chatty')).toBe(true);
  });
});

describe('HeartbeatHandler', () => {
  test('answers pings with pong and times out silent sockets', () => {
    const clock = new ManualClock();
    const handler = new HeartbeatHandler(clock);
    const socket = new FakeSocket();
    handler.connections.register('c1', 'alice', socket);
    expect(handler.onPing('c1')).toBe(true);
    expect(socket.types()).toEqual(['pong']);
    expect(handler.onPing('unknown')).toBe(false);
    clock.advance(120_000);
    expect(handler.sweep()).toEqual(['c1']);
  });
});

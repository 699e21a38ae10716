import type { Clock } from '../utils/clock';
import { ConnectionManager } from '../websocket_core/connection_manager';
import type { WebSocketMessage } from '../websocket_core/unified_manager';
import { HEARTBEAT_INTERVAL_MS } from '../websocket_core/unified_manager_config';
import { increment } from '../websocket_core/websocket_manager_metrics';

/** Answers client pings and closes sockets that stopped pinging. */
export class HeartbeatHandler {
  readonly connections: ConnectionManager;

  constructor(clock?: Clock) {
    this.connections = new ConnectionManager(clock);
  }

  onPing(connectionId: string): boolean {
    if (!this.connections.heartbeat(connectionId)) return false;
    const pong: WebSocketMessage = { type: 'pong', payload: { intervalMs: HEARTBEAT_INTERVAL_MS } };
    increment('ws_heartbeats');
    return this.connections.sendMessage(connectionId, pong);
  }

  sweep(): string[] {
    const stale = this.connections.sweepStale();
    if (stale.length) increment('ws_heartbeat_timeouts', stale.length);
    return stale;
  }
}

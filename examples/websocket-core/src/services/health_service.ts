import { getWebSocketManager } from '../websocket_core';
import { snapshotMetrics } from '../websocket_core/websocket_manager_metrics';

export interface HealthReport {
  status: 'ok' | 'degraded';
  metrics: Record<string, number>;
  probedUsers: Record<string, number>;
}

/** Liveness plus a few numbers for dashboards. */
export function checkHealth(probeUserIds: string[] = []): HealthReport {
  const probedUsers: Record<string, number> = {};
  for (const userId of probeUserIds) {
    probedUsers[userId] = getWebSocketManager(userId).getConnections(userId).length;
  }
  const metrics = snapshotMetrics();
  const failures = Object.entries(metrics)
    .filter(([name]) => name.startsWith('ws_frames_dropped.send_failed'))
    .reduce((sum, [, v]) => sum + v, 0);
  return { status: failures > 100 ? 'degraded' : 'ok', metrics, probedUsers };
}

import { increment, recordDrop, recordSend, registerGauge, resetMetrics, snapshotMetrics } from '../../src/websocket_core/websocket_manager_metrics';

describe('websocket_manager_metrics', () => {
  beforeEach(() => resetMetrics());

  test('counts sends and drops by reason', () => {
    recordSend();
    recordSend(3);
    recordDrop('socket_not_open');
    expect(snapshotMetrics()).toMatchObject({ ws_frames_sent: 4, 'ws_frames_dropped.socket_not_open': 1 });
  });

  test('gauges are read at snapshot time', () => {
    let live = 2;
    registerGauge('live_things', () => live);
    live = 5;
    increment('other');
    expect(snapshotMetrics()).toMatchObject({ live_things: 5, other: 1 });
  });
});

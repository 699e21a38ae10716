import { createApp } from '../../src/app';
import { ReadyState, getWebSocketManager } from '../../src/websocket_core';
import { FakeSocket } from '../helpers/fake_socket';
import { uniqueUserId } from '../helpers/test_context';

describe('application bootstrap', () => {
  const app = createApp(undefined, 'bootstrap-secret');

  test('registers the agents', () => {
    expect(app.agents.names()).toEqual(['data_analysis', 'triage']);
  });

  test('GET /health reports metrics', async () => {
    const res = await app.router.dispatch({ method: 'GET', path: '/health' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  test('unknown routes are 404', async () => {
    expect((await app.router.dispatch({ method: 'GET', path: '/nope' })).status).toBe(404);
  });

  test('admin can see and close a user\'s sockets', async () => {
    const userId = uniqueUserId('admin');
    const socket = new FakeSocket();
    getWebSocketManager(userId).addConnection({ connectionId: 'c1', userId, socket });

    const health = await app.router.dispatch({ method: 'GET', path: `/health/users/${userId}` });
    expect(health.body).toEqual({ connected: true });

    const kind = await app.router.dispatch({ method: 'GET', path: `/admin/users/${userId}/manager` });
    expect(kind.body).toEqual({ canonical: true, kind: 'UnifiedWebSocketManager' });

    const closed = await app.router.dispatch({ method: 'DELETE', path: `/admin/users/${userId}/connections` });
    expect(closed.body).toEqual({ closed: 1 });
    expect(socket.readyState).toBe(ReadyState.CLOSED);
  });

  test('GET /ws/:userId/info answers for the caller only', async () => {
    const ok = await app.router.dispatch({ method: 'GET', path: '/ws/zoe/info' });
    expect(ok).toMatchObject({ status: 200, body: { userId: 'zoe', connections: 0 } });
    const legacy = await app.router.dispatch({ method: 'GET', path: '/ws/zoe/info', body: { legacyFactory: true } });
    expect(legacy.status).toBe(200);
  });

  test('tokens issued by the app validate', () => {
    expect(app.tokens.validate(app.tokens.issue('yan'))).toBe('yan');
  });
});

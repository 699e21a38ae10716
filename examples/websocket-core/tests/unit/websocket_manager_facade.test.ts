import { UnifiedWebSocketManager } from '../../src/websocket_core/unified_manager';
import {
  WebSocketManager,
  WebSocketManagerFactory,
  WebSocketManagerGuard,
  getWebSocketManager,
} from '../../src/websocket_core/websocket_manager';
import { snapshotMetrics } from '../../src/websocket_core/websocket_manager_metrics';
import { contextFor, uniqueUserId } from '../helpers/test_context';

describe('websocket_manager facade', () => {
  test('the guard class cannot be constructed', () => {
    expect(() => new WebSocketManagerGuard()).toThrow(/cannot be instantiated/);
  });

  test('WebSocketManager is the canonical class under another name', () => {
    expect(WebSocketManager).toBe(UnifiedWebSocketManager);
    const manager: WebSocketManager = new UnifiedWebSocketManager();
    expect(manager).toBeInstanceOf(WebSocketManager);
  });

  test('getWebSocketManager keeps one manager per user', () => {
    const userId = uniqueUserId();
    expect(getWebSocketManager(userId)).toBe(getWebSocketManager(userId));
    expect(getWebSocketManager(userId)).not.toBe(getWebSocketManager(uniqueUserId()));
  });

  test('the registry size is exported as a gauge', () => {
    getWebSocketManager(uniqueUserId());
    expect(snapshotMetrics().ws_registry_managers).toBeGreaterThan(0);
  });

  test('WebSocketManagerFactory.create builds a fresh manager every time', () => {
    const ctx = contextFor(uniqueUserId());
    const a = WebSocketManagerFactory.create(ctx);
    const b = WebSocketManagerFactory.create(ctx);
    expect(a).not.toBe(b);
    expect(a.userContext).toBe(ctx);
  });
});

// Every alias of the manager must be the very same class, or instanceof checks break.
import * as barrel from '../../src/websocket_core';
import { CompatWebSocketManager, getWebSocketManager as compatGet } from '../../src/websocket_core/compat/websocket_manager_compat';
import { LegacyWebSocketManager } from '../../src/websocket_core/legacy_websocket_manager';
import DefaultManager, { ManagerImpl, WebSocketConnectionManager } from '../../src/websocket_core/manager_alias';
import { UnifiedWebSocketManager, createWebSocketManager } from '../../src/websocket_core/unified_manager';
import * as reexports from '../../src/websocket_core/ws_manager_exports';
import { FakeSocket } from '../helpers/fake_socket';
import { contextFor } from '../helpers/test_context';

describe('aliases, compat module and barrel', () => {
  test.each([
    ['CompatWebSocketManager', CompatWebSocketManager],
    ['WebSocketConnectionManager', WebSocketConnectionManager],
    ['ManagerImpl', ManagerImpl],
    ['manager_alias default', DefaultManager],
    ['ws_manager_exports', reexports.UnifiedWebSocketManager],
    ['barrel WebSocketManager', barrel.WebSocketManager],
  ])('%s is UnifiedWebSocketManager', (_name, cls) => {
    expect(cls).toBe(UnifiedWebSocketManager);
  });

  test('LegacyWebSocketManager behaves exactly like the canonical manager', async () => {
    const legacy = new LegacyWebSocketManager(contextFor('alice'));
    expect(legacy).toBeInstanceOf(UnifiedWebSocketManager);
    const socket = new FakeSocket();
    legacy.addConnection({ connectionId: 'c1', userId: 'alice', socket });
    await legacy.emitAgentEvent('alice', 'agent_started', {});
    expect(socket.types()).toEqual(['agent_started']);
  });

  test('factories are shared, not copied', () => {
    expect(barrel.createWebSocketManager).toBe(createWebSocketManager);
    expect(reexports.createWebSocketManager).toBe(createWebSocketManager);
    expect(compatGet).toBe(barrel.getWebSocketManager);
  });

  test('barrel factories delegate to the canonical one', () => {
    const ctx = contextFor('carol');
    expect(barrel.getManager(ctx)).toBeInstanceOf(UnifiedWebSocketManager);
    expect(barrel.WebSocketManagerFactoryV2.forUser(ctx).userContext).toBe(ctx);
  });
});

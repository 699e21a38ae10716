// The mock replaces an accessor with no canonical counterpart: a human splits it.
jest.mock('./lib/websocket_manager', () => ({ getWebSocketManager: jest.fn() }));

// Without the actual module spread in, a moved mock would blank every other canonical export.
jest.mock('./lib/websocket_manager', () => ({ WebSocketManager: jest.fn() }));

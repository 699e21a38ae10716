// Both mocks would become mocks of the canonical module: a human merges them.
jest.mock('./lib/websocket_manager', () => ({ WebSocketManager: jest.fn() }));
jest.mock('./lib/manager_alias');

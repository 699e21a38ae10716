declare const vi: { mock(path: string, factory?: () => unknown): void; fn(): unknown };

vi.mock('./lib/websocket_manager', () => ({ WebSocketManager: vi.fn() }));

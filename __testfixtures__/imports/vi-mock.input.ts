declare const vi: { mock(path: string, factory?: () => unknown): void; fn(): unknown; importActual(path: string): Promise<object> };

vi.mock('./lib/websocket_manager', async () => ({
  ...(await vi.importActual('./lib/websocket_manager')),
  WebSocketManager: vi.fn(),
}));

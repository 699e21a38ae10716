declare const vi: { mock(path: string, factory?: (importOriginal: () => Promise<object>) => unknown): void; fn(): unknown };

// Vitest hands the factory the actual module: spreading it keeps every export the mock leaves alone.
vi.mock('./lib/websocket_manager', async (importOriginal) => ({
  ...(await importOriginal()),
  WebSocketManager: vi.fn(),
}));

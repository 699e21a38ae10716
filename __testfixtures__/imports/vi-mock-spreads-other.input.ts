declare const vi: { mock(path: string, factory?: (importOriginal: () => Promise<object>) => unknown): void; fn(): unknown };
declare function loadFixture(): Promise<object>;

// The spread is not the actual module: a human decides what the mock of the canonical module keeps.
vi.mock('./lib/websocket_manager', async (importOriginal) => {
  const module = await loadFixture();
  return { ...module, WebSocketManager: vi.fn() };
});

declare const vi: { mock(path: string, factory?: () => unknown): void; fn(): unknown; importActual(path: string): Promise<object> };

vi.mock('./lib/unified_manager', async () => ({
  ...(await vi.importActual('./lib/unified_manager')),
  UnifiedWebSocketManager: vi.fn(),
}));

declare const vi: { mock(path: string, factory?: () => unknown): void; fn(): unknown };

vi.mock('./lib/unified_manager', () => ({ UnifiedWebSocketManager: vi.fn() }));

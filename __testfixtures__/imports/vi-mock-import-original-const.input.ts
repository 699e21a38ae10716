declare const vi: { mock(path: string, factory?: (importOriginal: <T = object>() => Promise<T>) => unknown): void; fn(): unknown };

// The pass-through Vitest's docs show, for tests that change the module's values.
vi.mock(
  './lib/websocket_manager',
  //@ts-ignore
  async (importOriginal) => {
    const module = await importOriginal<typeof import('./lib/websocket_manager')>();
    return { ...module };
  },
);

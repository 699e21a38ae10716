declare const jest: { mock(path: string, factory?: () => unknown): void; fn(): unknown; requireActual<T>(path: string): T };

// The actual module read into a constant first, as Jest's docs show.
jest.mock('./lib/websocket_manager', () => {
  const actual = jest.requireActual<object>('./lib/websocket_manager');
  return { ...actual, WebSocketManager: jest.fn() };
});

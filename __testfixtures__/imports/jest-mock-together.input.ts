// The factory names an export that stays, so the mock needs a human; its dontMock waits with it.
afterEach(() => {
  jest.dontMock('./lib/websocket_manager');
});

it('replaces the accessor', () => {
  jest.doMock('./lib/websocket_manager', () => {
    const actual = jest.requireActual('./lib/websocket_manager');
    return { ...actual, getWebSocketManager: actual.getWebSocketManager };
  });
});

// The only socket surface the WebSocket layer depends on. Production wraps `ws`
// sockets in this shape; tests use FakeSocket.

export interface WebSocketLike {
  send(data: string): void;
  readyState: number;
  close(): void;
}

export const ReadyState = {
  CONNECTING: 0,
  OPEN: 1,
  CLOSING: 2,
  CLOSED: 3,
} as const;

export function isOpen(socket: WebSocketLike): boolean {
  return socket.readyState === ReadyState.OPEN;
}

export function isWebSocketLike(value: unknown): value is WebSocketLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WebSocketLike>;
  return typeof candidate.send === 'function' && typeof candidate.close === 'function' && typeof candidate.readyState === 'number';
}

export function safeClose(socket: WebSocketLike): void {
  try {
    if (socket.readyState !== ReadyState.CLOSED) socket.close();
  } catch {
    // Closing an already-dead socket is not worth an error log.
  }
}

import { ReadyState, type WebSocketLike } from '../../src/websocket_core/socket';

export interface SentFrame {
  type: string;
  payload: Record<string, unknown>;
  threadId?: string;
  timestamp?: number;
}

/** In-memory socket that records every frame written to it. */
export class FakeSocket implements WebSocketLike {
  readyState: number = ReadyState.OPEN;
  readonly sent: string[] = [];
  closeCalls = 0;
  private failSends = false;

  constructor(readonly label = 'socket') {}

  send(data: string): void {
    if (this.readyState !== ReadyState.OPEN) throw new Error(`${this.label} is not open`);
    if (this.failSends) throw new Error(`${this.label} send failed`);
    this.sent.push(data);
  }

  close(): void {
    this.closeCalls += 1;
    this.readyState = ReadyState.CLOSED;
  }

  /** Makes every later send throw, like a socket whose peer vanished. */
  breakSends(): void {
    this.failSends = true;
  }

  frames(): SentFrame[] {
    return this.sent.map((raw) => JSON.parse(raw) as SentFrame);
  }

  types(): string[] {
    return this.frames().map((f) => f.type);
  }

  clear(): void {
    this.sent.length = 0;
  }
}

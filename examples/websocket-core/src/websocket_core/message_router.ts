// Parses inbound client frames and hands them to the handler registered for their type.
import { createLogger } from '../utils/logger';
import type { WebSocketMessage } from './unified_manager';
import { getWebSocketManager } from './websocket_manager';

const log = createLogger('ws.router');

export type InboundHandler = (userId: string, message: WebSocketMessage) => Promise<void> | void;

export class MessageRouter {
  private readonly handlers = new Map<string, InboundHandler>();

  on(type: string, handler: InboundHandler): this {
    if (this.handlers.has(type)) throw new Error(`handler for "${type}" already registered`);
    this.handlers.set(type, handler);
    return this;
  }

  async route(userId: string, raw: string): Promise<boolean> {
    let message: WebSocketMessage;
    try {
      message = parseFrame(raw);
    } catch (err) {
      await this.replyError(userId, 'invalid_frame', String(err));
      return false;
    }
    const handler = this.handlers.get(message.type);
    if (!handler) {
      await this.replyError(userId, 'unknown_type', message.type);
      return false;
    }
    await handler(userId, message);
    return true;
  }

  private async replyError(userId: string, code: string, detail: string): Promise<void> {
    log.debug('rejecting inbound frame', { userId, code });
    await getWebSocketManager(userId).sendMessage(userId, { type: 'error', payload: { code, detail } });
  }
}

export function parseFrame(raw: string): WebSocketMessage {
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('frame is not an object');
  const { type, payload, threadId } = parsed as Record<string, unknown>;
  if (typeof type !== 'string' || !type) throw new Error('frame has no type');
  return {
    type,
    payload: typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {},
    ...(typeof threadId === 'string' ? { threadId } : {}),
  };
}

import { MessageRepository, type StoredMessage } from '../../db/message_repository';
import { createLogger } from '../../utils/logger';

const log = createLogger('chat.persistence');

/** Buffers assistant tokens and writes whole messages, so partial output never lands in the DB. */
export class MessagePersistence {
  private readonly buffers = new Map<string, string[]>();

  constructor(private readonly repo = new MessageRepository()) {}

  appendToken(runId: string, token: string): void {
    const buf = this.buffers.get(runId) ?? [];
    buf.push(token);
    this.buffers.set(runId, buf);
  }

  flush(runId: string, threadId: string, userId: string): StoredMessage | null {
    const buf = this.buffers.get(runId);
    this.buffers.delete(runId);
    if (!buf?.length) return null;
    const stored = this.repo.append({ threadId, userId, role: 'assistant', content: buf.join('') });
    log.debug('persisted assistant message', { runId, seq: stored.seq });
    return stored;
  }

  discard(runId: string): void {
    this.buffers.delete(runId);
  }
}

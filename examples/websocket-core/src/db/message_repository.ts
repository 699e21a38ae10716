export interface StoredMessage {
  threadId: string;
  userId: string;
  role: 'user' | 'assistant' | 'system';
  content: string;
  seq: number;
}

/** In-memory stand-in for the messages table; keeps per-thread ordering. */
export class MessageRepository {
  private readonly byThread = new Map<string, StoredMessage[]>();

  append(message: Omit<StoredMessage, 'seq'>): StoredMessage {
    const list = this.byThread.get(message.threadId) ?? [];
    const stored = { ...message, seq: list.length + 1 };
    list.push(stored);
    this.byThread.set(message.threadId, list);
    return stored;
  }

  history(threadId: string, afterSeq = 0): StoredMessage[] {
    return (this.byThread.get(threadId) ?? []).filter((m) => m.seq > afterSeq);
  }

  count(threadId: string): number {
    return this.byThread.get(threadId)?.length ?? 0;
  }
}

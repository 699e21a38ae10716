import { newId } from '../utils/ids';

export interface ThreadRecord {
  threadId: string;
  userId: string;
  title: string;
  createdAt: number;
  archived: boolean;
}

/** In-memory stand-in for the threads table. */
export class ThreadRepository {
  private readonly rows = new Map<string, ThreadRecord>();

  create(userId: string, title: string): ThreadRecord {
    const row = { threadId: newId('thread'), userId, title, createdAt: Date.now(), archived: false };
    this.rows.set(row.threadId, row);
    return row;
  }

  find(threadId: string): ThreadRecord | undefined {
    return this.rows.get(threadId);
  }

  listForUser(userId: string): ThreadRecord[] {
    return [...this.rows.values()].filter((r) => r.userId === userId && !r.archived).sort((a, b) => b.createdAt - a.createdAt);
  }

  archive(threadId: string): boolean {
    const row = this.rows.get(threadId);
    if (!row) return false;
    row.archived = true;
    return true;
  }
}

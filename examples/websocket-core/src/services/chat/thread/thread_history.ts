import type { StoredMessage } from '../../../db/message_repository';

/**
 * Paging and trimming of thread history for replays after reconnect.
 * Replay used to be pushed by the manager itself; see
 * ../../../websocket_core/websocket_manager for the old API if you are porting code.
 */
export interface HistoryPage {
  messages: StoredMessage[];
  nextSeq: number | null;
}

export function pageHistory(messages: StoredMessage[], afterSeq: number, pageSize: number): HistoryPage {
  const remaining = messages.filter((m) => m.seq > afterSeq).sort((a, b) => a.seq - b.seq);
  const page = remaining.slice(0, pageSize);
  const nextSeq = remaining.length > pageSize ? page[page.length - 1].seq : null;
  return { messages: page, nextSeq };
}

/** Keeps the newest messages that fit in `maxChars`, always keeping system messages. */
export function trimForContext(messages: StoredMessage[], maxChars: number): StoredMessage[] {
  const kept: StoredMessage[] = [];
  let used = 0;
  for (const m of [...messages].reverse()) {
    if (m.role !== 'system' && used + m.content.length > maxChars) continue;
    kept.push(m);
    used += m.content.length;
  }
  return kept.reverse();
}

import type { UserExecutionContext } from '../../context/user_execution_context';
import type { WebSocketMessage } from '../../websocket_core/unified_manager';

export interface UsageSample {
  userId: string;
  tokens: number;
  toolCalls: number;
}

/** Aggregates token usage per user and pushes a running total after each run. */
export class UsageReporter {
  private readonly totals = new Map<string, UsageSample>();

  record(sample: UsageSample): UsageSample {
    const current = this.totals.get(sample.userId) ?? { userId: sample.userId, tokens: 0, toolCalls: 0 };
    current.tokens += sample.tokens;
    current.toolCalls += sample.toolCalls;
    this.totals.set(sample.userId, current);
    return current;
  }

  totalFor(userId: string): UsageSample | undefined {
    return this.totals.get(userId);
  }

  /** Billing loads after the socket layer at boot, so the manager module is resolved lazily. */
  push(ctx: UserExecutionContext): Promise<void> {
    const total = this.totals.get(ctx.userId);
    if (!total) return Promise.resolve();
    const frame: WebSocketMessage = { type: 'usage_update', threadId: ctx.threadId, payload: { ...total } };
    return import('../../websocket_core/ws_manager_exports').then((m) =>
      m.createWebSocketManager(ctx).sendMessage(ctx.userId, frame),
    );
  }
}

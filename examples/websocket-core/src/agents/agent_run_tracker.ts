// Remembers which events each run has emitted, for the replay endpoint and for debugging stuck runs.
import { AGENT_EVENT_TYPES, type AgentEventType } from '../websocket_core/unified_manager';
import { increment } from '../websocket_core/websocket_manager_metrics';

export interface RunRecord {
  runId: string;
  userId: string;
  agentName: string;
  events: AgentEventType[];
  finished: boolean;
}

export class AgentRunTracker {
  private readonly runs = new Map<string, RunRecord>();

  start(runId: string, userId: string, agentName: string): RunRecord {
    const record: RunRecord = { runId, userId, agentName, events: [], finished: false };
    this.runs.set(runId, record);
    return record;
  }

  record(runId: string, type: AgentEventType): void {
    const run = this.runs.get(runId);
    if (!run) throw new Error(`unknown run ${runId}`);
    if (run.finished) throw new Error(`run ${runId} already completed`);
    run.events.push(type);
    if (type === 'agent_completed') {
      run.finished = true;
      increment('agent_runs_completed');
    }
  }

  coverage(runId: string): Record<AgentEventType, number> {
    const counts = Object.fromEntries(AGENT_EVENT_TYPES.map((t) => [t, 0])) as Record<AgentEventType, number>;
    for (const t of this.runs.get(runId)?.events ?? []) counts[t] += 1;
    return counts;
  }

  activeRunsFor(userId: string): RunRecord[] {
    return [...this.runs.values()].filter((r) => r.userId === userId && !r.finished);
  }
}

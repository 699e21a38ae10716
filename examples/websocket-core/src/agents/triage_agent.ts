import type { UserExecutionContext } from '../context/user_execution_context';
import type { WebSocketManagerInterface } from '../websocket_core/websocket_manager';
import type { AgentEventSink } from './agent_websocket_bridge';
import { BaseAgent } from './base_agent';

export type TriageRoute = 'data_analysis' | 'search' | 'smalltalk';

const ROUTE_KEYWORDS: Array<[TriageRoute, RegExp]> = [
  ['data_analysis', /\b(sql|query|table|chart|revenue|metric)s?\b/i],
  ['search', /\b(find|search|look up|who is|what is)\b/i],
];

export function classify(input: string): TriageRoute {
  for (const [route, pattern] of ROUTE_KEYWORDS) if (pattern.test(input)) return route;
  return 'smalltalk';
}

/** Decides which agent should answer. Skips thinking events when nobody is listening. */
export class TriageAgent extends BaseAgent {
  readonly name = 'triage';

  constructor(events: AgentEventSink, private readonly connections: Pick<WebSocketManagerInterface, 'isUserConnected'>) {
    super(events);
  }

  protected async run(ctx: UserExecutionContext, input: string, runId: string): Promise<string> {
    const route = classify(input);
    if (this.connections.isUserConnected(ctx.userId)) {
      await this.think(runId, `routing to ${route}`);
    }
    return route;
  }
}

import type { UserExecutionContext } from '../context/user_execution_context';
import { createLogger } from '../utils/logger';
import type { ToolDispatcher } from '../tools/tool_dispatcher';
import type { AgentEventSink } from './agent_websocket_bridge';
import { BaseAgent } from './base_agent';

const log = createLogger('agents.data');

/** Answers questions about the user's data by running SQL through the dispatcher. */
export class DataAnalysisAgent extends BaseAgent {
  readonly name = 'data_analysis';

  constructor(events: AgentEventSink, private readonly tools: ToolDispatcher) {
    super(events);
    // Event delivery no longer goes through websocket_manager; the bridge owns it.
    log.debug('data agent ready, migrated from websocket_manager events');
  }

  protected async run(ctx: UserExecutionContext, input: string, runId: string): Promise<string> {
    await this.think(runId, 'planning a query');
    const sql = `select * from metrics where question = ${JSON.stringify(input)} limit 10`;
    const result = await this.tools.dispatch(ctx, 'sql_query', { sql }, runId, this.name);
    await this.think(runId, 'summarising rows');
    return `found ${String(result.rows ?? 0)} rows`;
  }
}

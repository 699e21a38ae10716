import type { UserExecutionContext } from '../context/user_execution_context';
import type { Tool, ToolArgs, ToolResult } from './tool_registry';

export interface SearchIndex {
  query(text: string, limit: number): Promise<Array<{ title: string; url: string }>>;
}

/**
 * Web/document search. Progress used to be pushed straight through
 * websocket_core/websocket_manager from here; the dispatcher reports it now.
 */
export class SearchTool implements Tool {
  readonly name = 'search';
  readonly description = 'Search indexed documents and return the top hits';

  constructor(private readonly index: SearchIndex, private readonly limit = 5) {}

  async run(_ctx: UserExecutionContext, args: ToolArgs): Promise<ToolResult> {
    const text = String(args.query ?? '').trim();
    if (!text) return { hits: [], error: 'empty query' };
    const hits = await this.index.query(text, this.limit);
    return { hits, count: hits.length };
  }
}

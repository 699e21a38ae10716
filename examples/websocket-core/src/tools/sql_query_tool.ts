import type { UserExecutionContext } from '../context/user_execution_context';
import type { Tool, ToolArgs, ToolResult } from './tool_registry';

export type QueryRunner = (sql: string, userId: string) => Promise<unknown[]>;

const FORBIDDEN = /\b(insert|update|delete|drop|alter|truncate)\b/i;

/** Read-only SQL against the user's warehouse. */
export class SqlQueryTool implements Tool {
  readonly name = 'sql_query';
  readonly description = 'Run a read-only SQL query against the analytics warehouse';

  constructor(private readonly runQuery: QueryRunner) {}

  async run(ctx: UserExecutionContext, args: ToolArgs): Promise<ToolResult> {
    const sql = String(args.sql ?? '');
    if (FORBIDDEN.test(sql)) throw new Error('only read-only queries are allowed');
    const rows = await this.runQuery(sql, ctx.userId);
    return { rows: rows.length, sample: rows.slice(0, 3) };
  }
}

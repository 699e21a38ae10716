import type { UserExecutionContext } from '../context/user_execution_context';

export type ToolArgs = Record<string, unknown>;
export type ToolResult = Record<string, unknown>;

export interface Tool {
  readonly name: string;
  readonly description: string;
  run(ctx: UserExecutionContext, args: ToolArgs): Promise<ToolResult>;
}

export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();

  register(tool: Tool): this {
    this.tools.set(tool.name, tool);
    return this;
  }

  get(name: string): Tool {
    const tool = this.tools.get(name);
    if (!tool) throw new Error(`unknown tool "${name}"`);
    return tool;
  }

  list(): Array<Pick<Tool, 'name' | 'description'>> {
    return [...this.tools.values()].map(({ name, description }) => ({ name, description }));
  }
}

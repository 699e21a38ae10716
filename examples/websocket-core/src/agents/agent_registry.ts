import type { UserExecutionContext } from '../context/user_execution_context';
import { createWebSocketManager, type UnifiedWebSocketManager } from '../websocket_core/unified_manager';
import ws = require('../websocket_core/websocket_manager');
import { AgentWebSocketBridge } from './agent_websocket_bridge';
import type { BaseAgent } from './base_agent';

export type AgentFactory = (bridge: AgentWebSocketBridge, ctx: UserExecutionContext) => BaseAgent;

export interface RegistryOptions {
  /** Give each run its own manager instead of the user's shared one. Off by default until rollout. */
  isolatedManagers?: boolean;
  /** Overrides both of the above; tests and batch jobs pass their own manager. */
  managerFor?: (ctx: UserExecutionContext) => UnifiedWebSocketManager;
}

export class AgentRegistry {
  private readonly factories = new Map<string, AgentFactory>();

  constructor(private readonly options: RegistryOptions = {}) {}

  register(name: string, factory: AgentFactory): void {
    if (this.factories.has(name)) throw new Error(`agent "${name}" already registered`);
    this.factories.set(name, factory);
  }

  has(name: string): boolean {
    return this.factories.has(name);
  }

  names(): string[] {
    return [...this.factories.keys()].sort();
  }

  create(name: string, ctx: UserExecutionContext): BaseAgent {
    const factory = this.factories.get(name);
    if (!factory) throw new Error(`no agent named "${name}"`);
    return factory(new AgentWebSocketBridge(ctx, this.managerFor(ctx)), ctx);
  }

  private managerFor(ctx: UserExecutionContext): UnifiedWebSocketManager {
    if (this.options.managerFor) return this.options.managerFor(ctx);
    return this.options.isolatedManagers ? createWebSocketManager(ctx) : ws.getWebSocketManager(ctx.userId, ctx.threadId);
  }
}

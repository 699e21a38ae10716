import type { UserExecutionContext } from '../context/user_execution_context';
import { isAgentEventType, type UnifiedWebSocketManager } from '../websocket_core/unified_manager';
import { broadcastAgentEvent, createManagerForUser } from '../websocket_core/manager_functions';
import type { EventBus } from './event_bus';
import type { ServiceEvents } from './event_types';

/** Forwards `agent.event` bus messages to the owning user's sockets. */
export class AgentEventEmitter {
  private readonly managers = new Map<string, UnifiedWebSocketManager>();

  constructor(bus: EventBus<ServiceEvents>, private readonly contextFor: (userId: string) => UserExecutionContext) {
    bus.on('agent.event', async (event) => {
      if (!isAgentEventType(event.type)) return;
      await broadcastAgentEvent(this.managerFor(event.userId), event.userId, event.type, {
        ...event.data,
        runId: event.runId,
        agentName: event.agentName,
      });
    });
  }

  managerFor(userId: string): UnifiedWebSocketManager {
    let manager = this.managers.get(userId);
    if (!manager) {
      manager = createManagerForUser(this.contextFor(userId));
      this.managers.set(userId, manager);
    }
    return manager;
  }
}

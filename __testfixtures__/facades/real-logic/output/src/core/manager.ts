import type { UserContext } from './unified_manager';

const managers = new Map<string, WebSocketManager>();

export class WebSocketManager {
  private readonly sockets = new Set<string>();

  constructor(readonly context: UserContext) {
    managers.set(context.userId, this);
  }

  sendMessage(userId: string, message: string): void {
    if (this.sockets.has(userId)) void message;
  }

  addConnection(socketId: string): void {
    this.sockets.add(socketId);
  }
}

export interface UserContext {
  userId: string;
}

export interface WebSocketManagerProtocol {
  sendMessage(userId: string, message: string): void;
}

export class UnifiedWebSocketManager implements WebSocketManagerProtocol {
  constructor(readonly context: UserContext) {}

  sendMessage(userId: string, message: string): void {
    void userId;
    void message;
  }
}

export function createWebSocketManager(context: UserContext): UnifiedWebSocketManager {
  return new UnifiedWebSocketManager(context);
}

export default UnifiedWebSocketManager;

export interface UserContext {
  userId: string;
}

export interface WebSocketManagerProtocol {
  sendMessage(userId: string, message: string): Promise<number>;
}

export class UnifiedWebSocketManager implements WebSocketManagerProtocol {
  constructor(readonly context: UserContext) {}

  sendMessage(userId: string, message: string): Promise<number> {
    return Promise.resolve(userId.length + message.length);
  }
}

export function createWebSocketManager(context: UserContext): UnifiedWebSocketManager {
  return new UnifiedWebSocketManager(context);
}

export default UnifiedWebSocketManager;

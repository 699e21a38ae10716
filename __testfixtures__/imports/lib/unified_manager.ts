export interface WebSocketManagerProtocol {
  sendMessage(userId: string, message: WebSocketMessage): Promise<void>;
}
export type WebSocketMessage = { type: string; payload: unknown };
export class UnifiedWebSocketManager implements WebSocketManagerProtocol {
  async sendMessage(_userId: string, _message: WebSocketMessage): Promise<void> {}
}
export function createWebSocketManager(_userId: string): UnifiedWebSocketManager {
  return new UnifiedWebSocketManager();
}
export const AGENT_EVENT_TYPES = ['agent_started', 'agent_completed'] as const;
export default UnifiedWebSocketManager;

import { createWebSocketManager, type UnifiedWebSocketManager } from './unified_manager';
export function createManagerForUser(userId: string): UnifiedWebSocketManager {
  return createWebSocketManager(userId);
}
export function describeManager(manager: UnifiedWebSocketManager): string {
  return String(manager);
}

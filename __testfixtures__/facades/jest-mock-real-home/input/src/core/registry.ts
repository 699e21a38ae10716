import { createWebSocketManager, type UnifiedWebSocketManager } from './unified_manager';

const managers = new Map<string, UnifiedWebSocketManager>();

export function getWebSocketManager(userId: string): UnifiedWebSocketManager {
  const existing = managers.get(userId) ?? createWebSocketManager({ userId });
  managers.set(userId, existing);
  return existing;
}

export function managerCount(): number {
  return managers.size;
}

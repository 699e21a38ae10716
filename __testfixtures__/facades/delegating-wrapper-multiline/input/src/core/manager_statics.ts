import { UnifiedWebSocketManager } from './unified_manager';

export class ManagerStatics {
  static send(manager: UnifiedWebSocketManager, userId: string, message: string): void {
    return manager.sendMessage(
      userId,
      message,
    );
  }
}

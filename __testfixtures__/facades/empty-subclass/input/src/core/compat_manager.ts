import { UnifiedWebSocketManager, type UserContext } from './unified_manager';

export class CompatWebSocketManager extends UnifiedWebSocketManager {
  constructor(context: UserContext) {
    super(context);
  }
}

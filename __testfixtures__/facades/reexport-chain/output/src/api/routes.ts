import { UnifiedWebSocketManager } from '../core/unified_manager';
import { helper } from '../util';

export function route(manager: UnifiedWebSocketManager): string {
  return helper(manager.context.userId);
}

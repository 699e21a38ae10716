import { UnifiedWebSocketManager } from '../core/ws_exports';
import { helper } from '../util';

export function route(manager: UnifiedWebSocketManager): string {
  return helper(manager.context.userId);
}

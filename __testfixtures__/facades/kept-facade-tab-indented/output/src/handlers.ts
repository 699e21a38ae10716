import { UnifiedWebSocketManager as WebSocketManager } from './core/unified_manager';

export function pick(flag: boolean) {
	if (flag) {
		if (flag) {
			if (flag) {
				return WebSocketManager;
			}
		}
	}
	return undefined;
}

import { notifyUser } from './core/notify';

export const handlers = [notifyUser];

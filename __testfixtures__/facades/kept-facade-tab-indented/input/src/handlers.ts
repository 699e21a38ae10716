import { WebSocketManager } from './core/manager_alias';

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

// A module whose name starts with the facade's name is not the facade.
import { metrics } from './lib/websocket_manager_metrics';
import { DbPoolManager } from './lib/db_pool_manager';

export const pool = new DbPoolManager();
pool.addConnection('postgres://localhost/app');
export const sent = metrics.sent;

// Process entry point. The real deployment puts a `ws` server in front of createApp();
// this file only handles configuration and shutdown.
import { createApp } from './app';
import { ConnectionPoolManager } from './db/connection_pool_manager';
import { logger } from './utils/logger';

export function start(env: NodeJS.ProcessEnv = process.env) {
  const app = createApp(undefined, env.TOKEN_SECRET ?? 'dev-secret');
  const pool = new ConnectionPoolManager(4);
  pool.addConnection(app.config.databaseUrl);
  logger.info('websocket-core starting', { port: app.config.port, agents: app.agents.names() });
  return { app, pool };
}

if (require.main === module) start();

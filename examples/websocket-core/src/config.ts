// Runtime configuration, read once at start-up.

export interface ServiceConfig {
  port: number;
  maxConnectionsPerUser: number;
  heartbeatIntervalMs: number;
  tokenTtlSeconds: number;
  databaseUrl: string;
}

// Module paths that may still show up in stack traces from old deployments; the
// error handler strips them from messages sent to clients.
export const LEGACY_STACK_HINTS: readonly string[] = [
  'websocket_core/websocket_manager',
  'websocket_core/manager_alias',
];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    port: Number(env.PORT ?? 8080),
    maxConnectionsPerUser: Number(env.WS_MAX_CONNECTIONS_PER_USER ?? 8),
    heartbeatIntervalMs: Number(env.WS_HEARTBEAT_MS ?? 30_000),
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 900),
    databaseUrl: env.DATABASE_URL ?? 'postgres://localhost:5432/netra',
  };
}

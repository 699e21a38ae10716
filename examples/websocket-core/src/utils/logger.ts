// Small structured logger. Quiet under jest unless LOG_LEVEL is set explicitly.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = process.env.LOG_LEVEL as LogLevel | undefined;
  if (configured && configured in LEVEL_ORDER) return LEVEL_ORDER[configured];
  return process.env.JEST_WORKER_ID ? Number.POSITIVE_INFINITY : LEVEL_ORDER.info;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export function createLogger(scope: string): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (LEVEL_ORDER[level] < threshold()) return;
    const line = JSON.stringify({ level, scope, message, ...fields, ts: new Date().toISOString() });
    if (level === 'error' || level === 'warn') console.error(line);
    else console.log(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (sub) => createLogger(`${scope}.${sub}`),
  };
}

export const logger = createLogger('netra');

const warnedKeys = new Set<string>();

/** Emits a warning the first time `key` is seen in this process, then stays silent. */
export function warnOnce(key: string, message: string, fields?: Record<string, unknown>): boolean {
  if (warnedKeys.has(key)) return false;
  warnedKeys.add(key);
  logger.warn(message, { ...fields, key });
  return true;
}

import { LEGACY_STACK_HINTS } from '../config';
import { createLogger } from '../utils/logger';

const log = createLogger('handlers.error');

export interface ClientError {
  type: 'error';
  payload: { code: string; message: string };
}

/**
 * Turns an exception into a frame that is safe to send to a client. Internal
 * module paths (e.g. websocket_core/websocket_manager) are stripped.
 */
export function toClientError(err: unknown, code = 'internal_error'): ClientError {
  let message = err instanceof Error ? err.message : String(err);
  for (const hint of LEGACY_STACK_HINTS) message = message.split(hint).join('<internal>');
  log.warn('reporting error to client', { code, message });
  return { type: 'error', payload: { code, message } };
}

export function isRetryable(err: unknown): boolean {
  return err instanceof Error && /timeout|ECONNRESET|temporarily/i.test(err.message);
}

import type { TokenLifecycleManager } from '../auth/token_lifecycle_manager';
import type { ConnectionPoolManager } from '../db/connection_pool_manager';
import { createLogger } from '../utils/logger';

const log = createLogger('sessions.cleanup');

/** Nightly job: revoke abandoned tokens and report pool pressure. */
export class SessionCleanupService {
  constructor(private readonly tokens: TokenLifecycleManager, private readonly pool: ConnectionPoolManager) {}

  run(abandonedTokens: string[]): { revoked: number; poolBusy: number } {
    abandonedTokens.forEach((t) => this.tokens.revoke(t));
    const { busy } = this.pool.stats();
    // Message kept stable for the dashboards that grep for it.
    log.info('cleanup finished (websocket_core/websocket_manager registry no longer swept here)', {
      revoked: abandonedTokens.length,
      busy,
    });
    return { revoked: abandonedTokens.length, poolBusy: busy };
  }
}

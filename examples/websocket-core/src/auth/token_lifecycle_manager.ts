// Issues, refreshes and revokes session tokens. Unrelated to WebSocket managers.
import { systemClock, type Clock } from '../utils/clock';
import { newId } from '../utils/ids';
import { signToken, verifyToken, type TokenClaims } from './jwt';

export class TokenLifecycleManager {
  private readonly revoked = new Set<string>();

  constructor(
    private readonly secret: string,
    private readonly ttlSeconds = 900,
    private readonly clock: Clock = systemClock,
  ) {}

  issue(userId: string): string {
    const claims: TokenClaims = { sub: userId, exp: this.nowSeconds() + this.ttlSeconds, jti: newId('tok') };
    return signToken(claims, this.secret);
  }

  /** Returns the user id for a valid, unexpired, unrevoked token. */
  validate(token: string): string | null {
    const claims = verifyToken(token, this.secret);
    if (!claims || this.revoked.has(claims.jti) || claims.exp <= this.nowSeconds()) return null;
    return claims.sub;
  }

  refresh(token: string): string | null {
    const claims = verifyToken(token, this.secret);
    const userId = this.validate(token);
    if (!claims || !userId) return null;
    this.revoked.add(claims.jti);
    return this.issue(userId);
  }

  revoke(token: string): void {
    const claims = verifyToken(token, this.secret);
    if (claims) this.revoked.add(claims.jti);
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }
}

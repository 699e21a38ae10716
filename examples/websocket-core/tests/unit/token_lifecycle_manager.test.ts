import { TokenLifecycleManager } from '../../src/auth/token_lifecycle_manager';
import { ManualClock } from '../../src/utils/clock';

describe('TokenLifecycleManager', () => {
  const clock = new ManualClock(1_700_000_000_000);
  const tokens = new TokenLifecycleManager('test-secret', 60, clock);

  test('issues tokens that validate to the user id', () => {
    expect(tokens.validate(tokens.issue('alice'))).toBe('alice');
  });

  test('rejects tampered, expired and revoked tokens', () => {
    const token = tokens.issue('alice');
    expect(tokens.validate(token.slice(0, -2) + 'xx')).toBeNull();
    const revoked = tokens.issue('bob');
    tokens.revoke(revoked);
    expect(tokens.validate(revoked)).toBeNull();
    clock.advance(61_000);
    expect(tokens.validate(token)).toBeNull();
  });

  test('refresh revokes the old token', () => {
    const old = tokens.issue('carol');
    const fresh = tokens.refresh(old);
    expect(fresh).not.toBeNull();
    expect(tokens.validate(old)).toBeNull();
    expect(tokens.validate(fresh as string)).toBe('carol');
  });
});

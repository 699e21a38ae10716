import { systemClock, type Clock } from '../utils/clock';

/**
 * Token bucket per key. Replaces the per-socket counter that lived in the
 * old websocket_manager, which reset whenever a user opened a new tab.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly clock: Clock = systemClock,
  ) {}

  tryTake(key: string, cost = 1): boolean {
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    const elapsed = (now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsed * this.refillPerSecond);
    bucket.updatedAt = now;
    const allowed = bucket.tokens >= cost;
    if (allowed) bucket.tokens -= cost;
    this.buckets.set(key, bucket);
    return allowed;
  }

  remaining(key: string): number {
    return Math.floor(this.buckets.get(key)?.tokens ?? this.capacity);
  }
}

import { ConnectionPoolManager } from '../../src/db/connection_pool_manager';

describe('ConnectionPoolManager', () => {
  test('addConnection registers a DSN until the pool is full', () => {
    const pool = new ConnectionPoolManager(2);
    pool.addConnection('postgres://db/a');
    pool.addConnection('postgres://db/b');
    expect(() => pool.addConnection('postgres://db/c')).toThrow(/pool is full/);
  });

  test('acquire and release', () => {
    const pool = new ConnectionPoolManager(1);
    pool.addConnection('postgres://db/a');
    const conn = pool.acquire();
    expect(pool.stats()).toEqual({ size: 1, busy: 1 });
    expect(() => pool.acquire()).toThrow(/no free/);
    pool.release(conn);
    expect(pool.stats().busy).toBe(0);
  });
});

import { getManager } from '../../src/websocket_core/deprecated_manager';
import { UnifiedWebSocketManager } from '../../src/websocket_core/unified_manager';
import { contextFor } from '../helpers/test_context';

describe('deprecated getManager', () => {
  const previousLevel = process.env.LOG_LEVEL;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    process.env.LOG_LEVEL = 'warn';
    stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    stderr.mockRestore();
    if (previousLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = previousLevel;
  });

  test('still returns a per-context manager and never warns more than once', () => {
    const ctx = contextFor('alice');
    const first = getManager(ctx);
    const second = getManager(ctx);
    expect(first).toBeInstanceOf(UnifiedWebSocketManager);
    expect(first).not.toBe(second);
    getManager(ctx);
    expect(stderr.mock.calls.length).toBeLessThanOrEqual(1);
    for (const [line] of stderr.mock.calls) expect(String(line)).toContain('deprecated');
  });
});

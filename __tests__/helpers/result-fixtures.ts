// Small result values for reporter tests: a finding with sensible defaults.
import type { Finding } from '../../src/result/types';

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    phase: 'imports',
    kind: 'legacy-import',
    message: 'WebSocketManager from legacy module src/websocket_manager.ts',
    messageId: 'legacyNames',
    data: { names: 'WebSocketManager', module: 'src/websocket_manager.ts' },
    fixable: true,
    file: 'src/a.ts',
    line: 1,
    column: 1,
    ...overrides,
  };
}

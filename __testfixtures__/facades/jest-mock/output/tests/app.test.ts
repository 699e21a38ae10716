import { UnifiedWebSocketManager as WebSocketManager } from '../src/core/unified_manager';
import { start } from '../src/app';

jest.mock('../src/core/unified_manager', () => ({
  ...jest.requireActual('../src/core/unified_manager'),
}));

it('starts', () => {
  expect(start('u1')).toBeInstanceOf(WebSocketManager);
});

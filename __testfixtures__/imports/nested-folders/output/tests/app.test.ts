jest.mock('../src/core/unified_manager');
import { UnifiedWebSocketManager as WebSocketManager } from '../src/core/unified_manager';

it('constructs', () => expect(new WebSocketManager()).toBeDefined());

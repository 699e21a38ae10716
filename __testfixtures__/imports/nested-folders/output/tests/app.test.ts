jest.mock('../src/core/websocket_manager');
import { WebSocketManager } from '../src/core/websocket_manager';

it('constructs', () => expect(new WebSocketManager()).toBeDefined());

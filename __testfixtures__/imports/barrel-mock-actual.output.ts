// A mock of a barrel that keeps the actual module follows the names it passes on.
jest.mock('./lib/unified_manager', () => ({ ...jest.requireActual('./lib/unified_manager') }));
import { UnifiedWebSocketManager } from './lib/unified_manager';

export const manager = new UnifiedWebSocketManager();

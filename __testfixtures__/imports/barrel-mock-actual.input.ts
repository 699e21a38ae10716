// A mock of a barrel that keeps the actual module follows the names it passes on.
jest.mock('./lib', () => ({ ...jest.requireActual('./lib') }));
import { UnifiedWebSocketManager } from './lib';

export const manager = new UnifiedWebSocketManager();

// setMock of a barrel holds back the imports of its module: a human points both.
jest.setMock('./lib', {});
import { UnifiedWebSocketManager } from './lib';

export const manager = new UnifiedWebSocketManager();

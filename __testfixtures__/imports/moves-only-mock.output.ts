// The mocked name moves to the canonical module: the mock cannot simply stay behind.
import { createWebSocketManager as createManagerForUser } from './lib/unified_manager';

jest.mock('./lib/manager_functions', () => ({ createManagerForUser: jest.fn() }));

export const manager = createManagerForUser('user-1');

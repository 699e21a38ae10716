// The mocked name moves to the canonical module: the mock cannot simply stay behind.
import { createManagerForUser } from './lib/manager_functions';

jest.mock('./lib/manager_functions', () => ({ createManagerForUser: jest.fn() }));

export const manager = createManagerForUser('user-1');

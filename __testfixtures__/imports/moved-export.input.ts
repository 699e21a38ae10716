import { createManagerForUser, describeManager } from './lib/manager_functions';

export const manager = createManagerForUser('user-1');
export const label = describeManager(manager);

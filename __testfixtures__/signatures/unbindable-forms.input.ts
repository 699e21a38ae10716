import type { Manager } from './manager';

export async function relay(manager: Manager, args: [string, string]): Promise<void> {
  // The call may not happen: no replacement can say so.
  await manager.send?.('hi', 'bob');
  // Any number of arguments.
  await manager.send(...args);
}

import type { Manager, Socket } from './manager';

export async function maybeConnect(manager: Manager | undefined, socket: Socket): Promise<void> {
  manager?.addConnection({ socket, userId: 'bob' });
  await manager?.sendMessage('bob', 'welcome', { critical: false });
}

import type { Manager, Socket } from './manager';

export async function maybeConnect(manager: Manager | undefined, socket: Socket): Promise<void> {
  manager?.add_connection(socket, 'bob');
  await manager?.send('welcome', 'bob');
}

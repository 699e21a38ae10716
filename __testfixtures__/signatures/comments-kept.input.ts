import { Manager, type Socket } from './manager';

export function connect(manager: Manager, socket: Socket, user: { id: string }): void {
  // the old shape, with notes in its arguments
  manager.add_connection(socket /* raw socket */, user.id);
  manager.add_connection(
    socket, // the same socket
    user.id,
  );
}

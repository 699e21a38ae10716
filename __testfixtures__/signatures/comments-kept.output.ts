import { Manager, type Socket } from './manager';

export function connect(manager: Manager, socket: Socket, user: { id: string }): void {
  // the old shape, with notes in its arguments
  manager.addConnection({ socket /* raw socket */, userId: user.id });
  manager.addConnection({
    socket, // the same socket
    userId: user.id,
  });
}

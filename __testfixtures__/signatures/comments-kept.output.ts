import { Manager, type Socket } from './manager';

export function connect(manager: Manager, socket: Socket, user: { id: string }): void {
  // the old shape, with notes in its arguments
  manager.addConnection({ socket: socket /* raw socket */, userId: user.id });
  manager.addConnection({ socket, userId: // the same socket
      user.id });
}

import { Manager, type Socket } from './manager';

export function connect(manager: Manager, socket: Socket): void {
  manager.addConnection({ socket, userId: 'alice' });
}

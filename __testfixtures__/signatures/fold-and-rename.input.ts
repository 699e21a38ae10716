import { Manager, type Socket } from './manager';

export function connect(manager: Manager, socket: Socket): void {
  manager.add_connection(socket, 'alice');
}

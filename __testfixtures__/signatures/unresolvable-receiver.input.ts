import type { Socket } from './manager';

export function connect(manager: any, socket: Socket): void {
  manager.add_connection(socket, 'alice');
}

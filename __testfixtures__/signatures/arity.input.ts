import type { LooseManager, Socket } from './manager';

export function connect(manager: LooseManager, socket: Socket, ctx: { userId: string }): void {
  manager.addConnection(socket, ctx);
  manager.addConnection(socket, ctx, 'extra');
}

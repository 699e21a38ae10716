import type { LooseManager, Socket } from './manager';

export function connect(manager: LooseManager, socket: Socket, ctx: { userId: string } | undefined, fallback: { userId: string }): void {
  manager.addConnection(socket, ctx ?? fallback);
  manager.addConnection(socket, ctx ? ctx : fallback);
  manager?.addConnection(socket, fallback);
}

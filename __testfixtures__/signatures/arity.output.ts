import { newId } from './ids';
import type { LooseManager, Socket } from './manager';

export function connect(manager: LooseManager, socket: Socket, ctx: { userId: string }): void {
  manager.addConnection({ connectionId: newId(), socket, userId: ctx.userId });
  manager.addConnection(socket, ctx, 'extra');
}

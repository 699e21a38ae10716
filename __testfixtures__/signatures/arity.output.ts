import type { LooseManager, Socket } from './manager';
import { newId } from './ids';

export function connect(manager: LooseManager, socket: Socket, ctx: { userId: string }): void {
  manager.addConnection({ connectionId: newId(), socket, userId: ctx.userId });
  manager.addConnection(socket, ctx, 'extra');
}

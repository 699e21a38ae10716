import type { LooseManager, Socket } from './manager';
import { newId } from './ids';

export function connect(manager: LooseManager, socket: Socket, ctx: { userId: string } | undefined, fallback: { userId: string }): void {
  manager.addConnection({ connectionId: newId(), socket, userId: (ctx ?? fallback).userId });
  manager.addConnection({ connectionId: newId(), socket, userId: (ctx ? ctx : fallback).userId });
  manager?.addConnection({ connectionId: newId(), socket, userId: fallback.userId });
}

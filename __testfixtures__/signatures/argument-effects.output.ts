import { openManager, type Manager } from './manager';
import { Reply } from './reply';

declare function nextMessage(): string;
declare function nextUser(): string;
declare function shouldForce(): boolean;
declare function payload(): unknown;

export async function relay(manager: Manager, reply: Reply): Promise<void> {
  // Reordered: the user would be read before the message.
  await manager.send(nextMessage(), nextUser());
  // Dropped: shouldForce() would no longer run.
  openManager().close('bye', shouldForce());
  // One argument with effects, evaluated once and first: rewritten.
  reply.status(200).json(payload());
  // Nothing with effects: rewritten.
  await manager.sendMessage('alice', 'hello', { critical: false });
}

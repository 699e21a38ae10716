import type { ManagerProtocol } from './manager';

export async function greet(manager: ManagerProtocol & { send(message: string, userId: string): Promise<void> }): Promise<void> {
  await manager.send('hello', 'alice');
}

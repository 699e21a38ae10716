import { Manager } from './manager';

export const sharedManager = new Manager();

export function broadcast(text: string): string {
  return sharedManager.send(text);
}

import { Manager, createManager } from './manager';
import type { UserContext } from './context';

// A registry of managers whose keys this file never shows.
export const managers = new Map<string, Manager>();

export function remember(ctx: UserContext): Manager {
  return createManager(ctx);
}

import type { LooseManager } from './manager';

// One argument where the canonical signature takes three: reported, singular.
export function greet(manager: LooseManager): void {
  manager.sendMessage('user-1');
}

import { now } from './old_clock';

// The whole module's type follows a module whose every export moves under its own name.
export type Clock = typeof import('./old_clock');

export const startedAt = now();

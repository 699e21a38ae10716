import { now } from './timing';

// The whole module's type follows a module whose every export moves under its own name.
export type Clock = typeof import('./timing');

export const startedAt = now();

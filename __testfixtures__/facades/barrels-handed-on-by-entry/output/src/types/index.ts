// Handed on by the entry point: kept as its authors wrote it.
export * from './other';
export * from './path';

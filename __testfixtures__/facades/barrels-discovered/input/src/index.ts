// Public surface of shapes-kit.
export * from './geometry';
export { Canvas, draw } from './render';
export type { Theme } from './render';

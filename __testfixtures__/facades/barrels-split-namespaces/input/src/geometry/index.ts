export * from './point';
export * from './rect';

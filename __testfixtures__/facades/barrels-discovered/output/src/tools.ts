export * from './geometry/point';
export * from './geometry/rect';

export function scale(factor: number): number {
  return factor * 2;
}

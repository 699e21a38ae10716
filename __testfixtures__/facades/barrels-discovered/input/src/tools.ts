export * from './geometry';

export function scale(factor: number): number {
  return factor * 2;
}

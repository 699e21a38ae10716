import type { Point } from './point';

export class Rect {
  constructor(
    readonly x: number,
    readonly y: number,
    readonly width: number,
    readonly height: number,
  ) {}

  corner(): Point {
    return { x: this.x + this.width, y: this.y + this.height };
  }
}

export function area(rect: Rect): number {
  return rect.width * rect.height;
}

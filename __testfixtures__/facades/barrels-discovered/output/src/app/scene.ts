// Builds the demo scene.
import { distance, ORIGIN, type Point } from '../geometry/point';
import Canvas from '../render/canvas';
import { paint as draw } from '../render/paint';
import type { Theme } from '../render/paint';
import { area, Rect } from '../geometry/rect';

export function scene(theme: Theme): number {
  const canvas = new Canvas();
  draw(canvas, theme);
  const p: Point = { x: 1, y: 2 };
  return distance(ORIGIN, p) + area(new Rect(0, 0, 2, 2));
}

// Builds the demo scene.
import { distance, ORIGIN, type Point } from '../geometry';
import { Canvas, draw } from '../render';
import type { Theme } from '../render/index';
import { area, Rect } from '..';

export function scene(theme: Theme): number {
  const canvas = new Canvas();
  draw(canvas, theme);
  const p: Point = { x: 1, y: 2 };
  return distance(ORIGIN, p) + area(new Rect(0, 0, 2, 2));
}

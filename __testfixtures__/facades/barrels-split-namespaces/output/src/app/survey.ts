// Measures what the user drew.
import { ORIGIN, Point, distance } from '../geometry/point';
import { Rect, area } from '../geometry/rect';

export function span(points: Point[]): number {
  return distance(points[0] ?? ORIGIN, points[points.length - 1] ?? ORIGIN);
}

export function cover(box: Rect): number {
  return area(box);
}

// Measures what the user drew.
import * as geometry from '../geometry';

export function span(points: geometry.Point[]): number {
  return geometry.distance(points[0] ?? geometry.ORIGIN, points[points.length - 1] ?? geometry.ORIGIN);
}

export function cover(box: geometry.Rect): number {
  return geometry.area(box);
}

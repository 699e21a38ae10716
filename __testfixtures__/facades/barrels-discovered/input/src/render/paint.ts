import type Canvas from './canvas';

export interface Theme {
  ink: string;
}

export function paint(canvas: Canvas, theme: Theme): void {
  canvas.stroke(`ink:${theme.ink}`);
}

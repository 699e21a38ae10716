import { red, shade } from './palette';
import { Button, Link } from './ui';
import { colors } from './ns';

export function render(): string {
  const button = new Button(shade(red, 1));
  return Link(button.label) + colors.blue;
}

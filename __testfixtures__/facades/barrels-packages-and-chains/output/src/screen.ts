import { red } from 'color-names';
import { shade } from './palette/shade';
import { Button } from './ui/buttons/button';
import Link from './ui/buttons/link';
import { colors } from './ns';

export function render(): string {
  const button = new Button(shade(red, 1));
  return Link(button.label) + colors.blue;
}

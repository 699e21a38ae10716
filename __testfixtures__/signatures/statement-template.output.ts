import { show, openScreen } from './screens';
import type { Host, View } from './screens';

export function render(view: View, host: Host, screen: string): void {
  const screen2 = openScreen(host);
  screen2.show(view);
  if (screen) {
    const screen3 = openScreen(host);
    screen3.show({ title: screen });
  }
}

export const all = (views: View[], host: Host): void[] => views.map((view) => show(view, host));

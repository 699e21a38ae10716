import type { Host, View } from './screens';
import { openScreen } from './screens';

export function render(view: View, host: Host, screen: string): void {
  if (screen) {
    const screen2 = openScreen(host);
    screen2.show({ title: screen });
  }
  else {
    const screen3 = openScreen(host);
    screen3.show(view);
  }
  for (const item of [view]) {
    const screen4 = openScreen(host);
    screen4.show(item);
  }
}

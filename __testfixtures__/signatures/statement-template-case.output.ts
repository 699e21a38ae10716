import type { Host, View } from './screens';
import { openScreen } from './screens';

export function render(view: View, host: Host, kind: 'one' | 'other'): void {
  switch (kind) {
    case 'one':
      {
        const screen = openScreen(host);
        screen.show(view);
      }
      break;
    default:
      {
        const screen2 = openScreen(host);
        screen2.show({ title: kind });
      }
  }
}

import { show } from './screens';
import type { Host, View } from './screens';

export function render(view: View, host: Host, kind: 'one' | 'other'): void {
  switch (kind) {
    case 'one':
      show(view, host);
      break;
    default:
      show({ title: kind }, host);
  }
}

import { show } from './screens';
import type { Host, View } from './screens';

export function render(view: View, host: Host, screen: string): void {
  if (screen) show({ title: screen }, host);
  else show(view, host);
  for (const item of [view]) show(item, host);
}

import { show } from './screens';
import type { Host, View } from './screens';

export function render(view: View, host: Host, screen: string): void {
  show(view, host);
  if (screen) {
    show({ title: screen }, host);
  }
}

export const all = (views: View[], host: Host): void[] => views.map((view) => show(view, host));

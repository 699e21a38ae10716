import { notify_user as ping } from './legacy';
import * as legacy from './legacy';

export function tell(): void {
  ping('alice', 'a', 'b');
  ping('bob');
  legacy.notify_user('carol', 1);
}

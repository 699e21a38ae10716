import { notify_user as ping, notify } from './legacy';
import * as legacy from './legacy';

export function tell(): void {
  notify('alice', { channel: 'ws' }, 'a', 'b');
  notify('bob', { channel: 'ws' });
  notify('carol', { channel: 'ws' }, 1);
}

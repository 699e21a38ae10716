import { notify } from './legacy';

export function tell(): void {
  notify('alice', { channel: 'ws' }, 'a', 'b');
  notify('bob', { channel: 'ws' });
  notify('carol', { channel: 'ws' }, 1);
}

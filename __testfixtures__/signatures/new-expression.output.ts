import * as clock from './clock';
import { Timer as T } from './clock';

export const every = new T({ ms: 250, label: 'poll' });
export const spaced = new clock.Timer({
  ms: 1000, // a second
  label: 'tick',
});
export const plain = new T(5);
export const watch = clock.stopwatch();
export const bare = clock.stopwatch();

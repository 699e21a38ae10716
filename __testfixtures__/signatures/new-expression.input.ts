import * as clock from './clock';
import { Timer as T } from './clock';

export const every = new T(250, 'poll');
export const spaced = new clock.Timer(
  1000, // a second
  'tick',
);
export const plain = new T(5);
export const watch = new clock.legacy.Stopwatch();
export const bare = new clock.legacy.Stopwatch;

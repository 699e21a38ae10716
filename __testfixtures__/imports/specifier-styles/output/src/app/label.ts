import { makeId as uuid } from '../ids/make-id.js';
import { SEPARATOR } from './helper.js';
import { title } from '../text/format.js';
import formatSource from '../text/format.ts?raw';

export function label(name: string): string {
  return [uuid(), title(name), formatSource.length].join(SEPARATOR);
}

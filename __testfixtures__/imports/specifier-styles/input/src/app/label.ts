import { uuid } from 'legacy-ids';
import { SEPARATOR } from './helper.js';
import { title } from '../old/format.js';
import formatSource from '../old/format.ts?raw';

export function label(name: string): string {
  return [uuid(), title(name), formatSource.length].join(SEPARATOR);
}

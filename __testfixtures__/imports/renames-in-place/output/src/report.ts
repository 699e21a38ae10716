import { parseISO as parse } from 'date-kit/parse';
import { format as fmt, addDays } from 'date-kit';
import * as dk from 'date-kit';
import { capitalize as cap } from './util/strings';

export function title(day: string): string {
  const date = parse(day);
  return cap(`${fmt(addDays(date, 1))} / ${dk.format(date)}`);
}

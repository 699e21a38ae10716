import { formatDate as fmt, addDays, parseISODate as parse } from 'date-kit';
import * as dk from 'date-kit';
import { capitalise as cap } from './util/strings';

export function title(day: string): string {
  const date = parse(day);
  return cap(`${fmt(addDays(date, 1))} / ${dk.formatDate(date)}`);
}

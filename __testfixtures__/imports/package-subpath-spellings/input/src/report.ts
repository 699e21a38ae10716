// Both spellings of one subpath are one module: they move together, into one import.
import { formatDate, parseDate } from 'date-lib/format.js';
import { formatDate as formatDay } from 'date-lib/format';

export const stamp = (text: string): string => `${formatDate(parseDate(text))} / ${formatDay(new Date())}`;

// Both spellings of one subpath are one module: they move together, into one import.
import { printDate as formatDate, printDate as formatDay } from 'date-lib/print.js';
import { parseDate } from 'date-lib/format.js';

export const stamp = (text: string): string => `${formatDate(parseDate(text))} / ${formatDay(new Date())}`;

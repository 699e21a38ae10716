import { printDate as formatDate } from 'date-lib/print';

export const today = formatDate(new Date());

import { addDays, formatDate } from 'date-kit';

// Callers read `formatDate` in many places: the local name stays, only the import changes.
export const nextWeek = (day: Date): string => formatDate(addDays(day, 7));
export const helpers = { formatDate };

import * as dates from 'date-kit';

export const tomorrow = (date: Date): Date => dates.addDays(date, 1);

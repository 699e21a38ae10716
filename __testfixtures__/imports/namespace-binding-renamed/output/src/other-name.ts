import * as dates from 'day-lib';

export const tomorrow = (date: Date): Date => dates.addDays(date, 1);

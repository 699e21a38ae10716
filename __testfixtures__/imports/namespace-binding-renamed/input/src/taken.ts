import * as dateKit from 'date-kit';

const dayLib = 'a local that already has the name';

export const stamp = (date: Date): string => `${dayLib}: ${dateKit.format(date, 'HH:mm')}`;

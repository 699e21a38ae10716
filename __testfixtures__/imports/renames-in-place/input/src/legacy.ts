declare const require: (id: string) => any;
const { formatDate: fmt, addDays } = require('date-kit');

export const later = (date: Date) => fmt(addDays(date, 2));

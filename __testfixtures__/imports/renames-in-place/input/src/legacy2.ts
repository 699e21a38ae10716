declare const require: (id: string) => any;
const { formatDate, addDays } = require('date-kit');

export const helpers = { formatDate, later: (date: Date) => formatDate(addDays(date, 2)) };

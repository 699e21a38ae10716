declare const require: (id: string) => any;
const { format, addDays } = require('date-kit');

export const helpers = { formatDate: format, later: (date: Date) => format(addDays(date, 2)) };

import { format as formatDate } from 'date-kit';

// `format` is taken here: the import keeps its local name.
const format = (total: number) => total.toFixed(2);
export const line = (day: Date, total: number) => `${formatDate(day)}: ${format(total)}`;

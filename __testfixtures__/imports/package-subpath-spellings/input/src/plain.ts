import { formatDate } from 'date-lib/format';

export const today = formatDate(new Date());

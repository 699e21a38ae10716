import { format, addDays } from 'date-kit';
import { capitalize } from './util/strings';

const helpers = { formatDate: format, capitalise: capitalize };

export function Card({ day }: { day: Date }) {
  const label = format(addDays(day, 1));
  const formatted = ((formatDate) => formatDate(day))(String);
  return <span title={capitalize(label)}>{formatted}{helpers.formatDate(day)}</span>;
}

export { format as formatDate };

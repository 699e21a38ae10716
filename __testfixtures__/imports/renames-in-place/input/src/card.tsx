import { formatDate, addDays } from 'date-kit';
import { capitalise } from './util/strings';

const helpers = { formatDate, capitalise };

export function Card({ day }: { day: Date }) {
  const label = formatDate(addDays(day, 1));
  const formatted = ((formatDate) => formatDate(day))(String);
  return <span title={capitalise(label)}>{formatted}{helpers.formatDate(day)}</span>;
}

export { formatDate };

// The linter keeps specifiers sorted: a renamed one takes its place in the order.
import { addDays, asDate, isValid } from 'date-kit';

export const tomorrow = (stamp: number): Date | undefined => {
  const day = addDays(asDate(stamp), 1);
  return isValid(day) ? day : undefined;
};

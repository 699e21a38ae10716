// The linter keeps specifiers sorted: a renamed one takes its place in the order.
import { addDays, isValid, toDate } from 'date-kit';

export const tomorrow = (stamp: number): Date | undefined => {
  const day = addDays(toDate(stamp), 1);
  return isValid(day) ? day : undefined;
};

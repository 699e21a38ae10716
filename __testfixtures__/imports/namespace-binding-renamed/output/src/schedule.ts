import * as dayLib from 'day-lib';

/** The next run, a week from `from`, as the cron page prints it. */
export function nextRun(from: Date): string {
  const next = dayLib.addDays(from, 7);
  return dayLib.format(next, 'yyyy-MM-dd');
}

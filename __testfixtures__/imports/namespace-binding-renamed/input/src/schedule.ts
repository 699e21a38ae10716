import * as dateKit from 'date-kit';

/** The next run, a week from `from`, as the cron page prints it. */
export function nextRun(from: Date): string {
  const next = dateKit.addDays(from, 7);
  return dateKit.format(next, 'yyyy-MM-dd');
}

import { format, inspect } from 'util';

export function report(job: { id: string; state: unknown }): string {
  return format('%s: %s', job.id, inspect(job.state));
}

import { inspectValue as inspect } from '../debug/format';
import { format } from 'util';

export function report(job: { id: string; state: unknown }): string {
  return format('%s: %s', job.id, inspect(job.state));
}

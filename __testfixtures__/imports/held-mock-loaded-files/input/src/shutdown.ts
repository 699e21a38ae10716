import { sleep } from './old_timing';

export async function shutdown(graceMs: number): Promise<void> {
  await sleep(graceMs);
}

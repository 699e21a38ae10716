import { sleep } from './utils';

export async function shutdown(graceMs: number): Promise<void> {
  await sleep(graceMs);
}

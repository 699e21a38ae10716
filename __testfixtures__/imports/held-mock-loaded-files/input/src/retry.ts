import { sleep } from './old_timing';

export async function retry<T>(attempt: () => Promise<T>, waitMs: number): Promise<T> {
  try {
    return await attempt();
  } catch {
    await sleep(waitMs);
    return attempt();
  }
}

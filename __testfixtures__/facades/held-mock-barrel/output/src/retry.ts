import { backoff } from './utils/backoff';
import { sleep } from './utils/sleep';

export async function retry<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch {
    await sleep(backoff(1));
    return attempt();
  }
}

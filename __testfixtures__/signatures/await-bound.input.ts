import type { Fetcher } from './clock';

export async function read(fetcher: Fetcher): Promise<number> {
  const text = await fetcher.load();
  const later = fetcher.load();
  return text.length + (await later).length;
}

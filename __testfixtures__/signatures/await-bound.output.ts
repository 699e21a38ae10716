import type { Fetcher } from './clock';

export async function read(fetcher: Fetcher): Promise<number> {
  const text = (await fetcher.request()).body;
  const later = fetcher.load();
  return text.length + (await later).length;
}

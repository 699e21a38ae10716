// lodash's per-method paths export a default; lodash-es names each method: `"default": "*"`.
import { debounce, throttle, get, map } from 'lodash-es';

export const onSearch = debounce((query: string) => query, 300);
export const onScroll = throttle(() => window.scrollY, 50);
export const pick = (source: object) => get(source, 'a');
export const all = map([1], (n) => n);

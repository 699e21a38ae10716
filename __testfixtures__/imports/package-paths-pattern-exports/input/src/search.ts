// lodash's per-method paths export a default; lodash-es names each method: `"default": "*"`.
import debounce from 'lodash/debounce';
import throttle from 'lodash/throttle';
import get from 'lodash/get.js';
import { map } from 'lodash';

export const onSearch = debounce((query: string) => query, 300);
export const onScroll = throttle(() => window.scrollY, 50);
export const pick = (source: object) => get(source, 'a');
export const all = map([1], (n) => n);

// Written against lodash-es, which the config groups with lodash: the moves apply here too.
import { chunk, throttle } from 'lodash-es';
import debounce from 'lodash-es/debounce';

export const pages = chunk([1, 2, 3], 2);
export const onType = debounce(() => pages.length, 100);
export const onScroll = throttle(() => pages.length, 50);

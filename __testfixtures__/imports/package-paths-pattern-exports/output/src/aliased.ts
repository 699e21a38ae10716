// A local name other than the method's stays, as an alias.
import { debounce as pause } from 'lodash-es';

export const later = pause(() => undefined, 10);

// A local name other than the method's stays, as an alias.
import pause from 'lodash/debounce';

export const later = pause(() => undefined, 10);

// Left over from a refactor: nothing reads the namespace any more.
import * as legacy from './lib/unified_manager';

export const ready = true;

// Left over from a refactor: nothing reads the namespace any more.
import * as legacy from './lib/websocket_manager';

export const ready = true;

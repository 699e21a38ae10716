import * as legacy from './lib/websocket_manager';

// Which export is read depends on a value at run time: the name cannot be followed.
export function pick(name: 'WebSocketManager' | 'getWebSocketManager') {
  return legacy[name];
}

export type * from './lib/websocket_manager';

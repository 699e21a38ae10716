import './lib/websocket_manager';

export const ready = true;

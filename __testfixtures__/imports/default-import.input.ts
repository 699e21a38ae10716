import Manager from './lib/websocket_manager';

export const manager = new Manager();

// An automock of a facade would become an automock of the canonical module: a human decides.
jest.doMock('./lib/manager_alias');
jest.mock('./lib/websocket_manager_metrics');

import { WebSocketConnectionManager } from './lib/manager_alias';

export const manager = new WebSocketConnectionManager();

jest.doMock('./lib/manager_alias');
jest.mock('./lib/websocket_manager_metrics');

jest.doMock('./lib/unified_manager');
jest.mock('./lib/websocket_manager_metrics');

import { createWebSocketManager } from '../src/public_api';

// setMock of the entry point holds back the imports of it: a human points both.
jest.setMock('../src/public_api', {});

it('is mocked', () => {
  expect(createWebSocketManager).toBeUndefined();
});

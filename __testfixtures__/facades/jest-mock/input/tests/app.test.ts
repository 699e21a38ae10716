import { WebSocketManager } from '../src/core/manager_alias';
import { start } from '../src/app';

jest.mock('../src/core/manager_alias', () => ({
  ...jest.requireActual('../src/core/manager_alias'),
}));

it('starts', () => {
  expect(start('u1')).toBeInstanceOf(WebSocketManager);
});

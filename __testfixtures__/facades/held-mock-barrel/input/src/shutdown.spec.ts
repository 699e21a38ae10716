import { sleep } from './utils';
import { shutdown } from './shutdown';

jest.mock('./utils', () => ({ sleep: jest.fn() }));

test('waits the grace period', async () => {
  await shutdown(1000);
  expect(sleep).toHaveBeenCalledWith(1000);
});

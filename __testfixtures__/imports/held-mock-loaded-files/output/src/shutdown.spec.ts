import { sleep } from './old_timing';
import { shutdown } from './shutdown';

// No requireActual: every other export of the module would be undefined once it mocks timing.ts.
jest.mock('./old_timing', () => ({ sleep: jest.fn() }));

test('waits the grace period', async () => {
  await shutdown(1000);
  expect(sleep).toHaveBeenCalledWith(1000);
});

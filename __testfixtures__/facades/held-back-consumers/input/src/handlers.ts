// The wrapper is passed around, not called: it cannot be inlined.
import { notifyUser } from './core/notify';

export const handlers = [notifyUser];

// An import of a wrapper nothing calls: it goes.
import { notifyUser } from './core/notify';

export const ready = true;

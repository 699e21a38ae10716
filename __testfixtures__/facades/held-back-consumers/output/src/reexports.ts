// Handing the wrapper on: it has no canonical counterpart to point at.
export { notifyUser } from './core/notify';

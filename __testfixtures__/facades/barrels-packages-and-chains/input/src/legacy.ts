/** @deprecated import from './palette' */
export { shade as darken } from './palette';

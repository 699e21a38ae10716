export { type PathString } from './eager';

export { summarize } from './summary';

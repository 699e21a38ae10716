export { shade } from './palette/shade';
export const DEFAULT_AMOUNT = 2;

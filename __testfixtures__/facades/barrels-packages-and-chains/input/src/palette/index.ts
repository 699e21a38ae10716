export * from 'color-names';
export { shade } from './shade';

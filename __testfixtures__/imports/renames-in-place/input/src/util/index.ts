export * from './strings';

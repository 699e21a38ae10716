export * from './strings';
export * from './numbers';

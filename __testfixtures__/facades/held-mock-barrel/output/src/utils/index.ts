export * from './sleep';
export * from './backoff';
